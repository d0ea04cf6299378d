"""A TỜ TRÌNH of a commune's People's Committee typed in Word the usual way, for
``baocao convert``'s tests and the README's example, and what a reader sees in it.

Unlike the district report of ``convert_fixtures``: a document of another kind, with
"Kính gửi" and a trích yếu on two lines; the agency's name typed on two lines, the
first (``ỦY BAN NHÂN DÂN``) not bold, as if it were a parent agency; rules typed as
underscores; sizes set run by run; numbering "1." then "a)" in italics, dashes; a
footnote holding figures; the closing "./." typed by hand; the year 2025.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from .convert_fixtures import Expected, _document, add_footnotes, footnote_mark

CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)
FILE_NAME = "ToTrinh_camera_xa.docx"
"""The name the README's example gives the file."""
NOTE = "Năm 2024, Công an xã tiếp nhận 27 vụ trộm cắp tài sản, tăng 9 vụ so với năm 2023."


def _para(container, runs, align=CENTER, indent=False, size=None, first=False):
    """A paragraph of ``runs`` (text, or ``(text, bold, italic)``), sizes on the runs."""
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(6 if indent else 0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    for run in runs:
        text, bold, italic = (run, False, False) if isinstance(run, str) else run
        added = paragraph.add_run(text)
        added.bold, added.italic = bold or None, italic or None
        if size:
            added.font.size = Pt(size)
    return paragraph


def _header(document) -> None:
    table = document.add_table(rows=2, cols=2)
    left, right = table.rows[0].cells
    _para(left, ["ỦY BAN NHÂN DÂN"], size=13, first=True)
    _para(left, [("XÃ TÂN PHÚ", True, False)], size=13)
    _para(left, ["_______"], size=13)
    _para(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False)], size=13, first=True)
    _para(right, [("Độc lập - Tự do - Hạnh phúc", True, False)])
    _para(right, ["_________________________"], size=13)
    number, date = table.rows[1].cells
    _para(number, ["Số: 45/TTr-UBND"], size=13, first=True)
    _para(date, [("Tân Phú, ngày 12 tháng 3 năm 2025", False, True)], first=True)
    _para(document, [("TỜ TRÌNH", True, False)])
    _para(document, [("Về việc đề nghị hỗ trợ kinh phí lắp đặt camera an ninh", True, False)])
    _para(document, [("trên địa bàn xã Tân Phú", True, False)])
    _para(document, ["________"])
    _para(document, ["Kính gửi: Ủy ban nhân dân huyện Châu Thành."])


def _signature(document) -> None:
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    _para(left, [("Nơi nhận:", True, True)], LEFT, size=12, first=True)
    for line in ("- Như trên;", "- TT Đảng ủy xã (b/c);", "- Lưu: VT."):
        _para(left, [line], LEFT, size=11)
    _para(right, [("TM. ỦY BAN NHÂN DÂN", True, False)], first=True)
    _para(right, [("CHỦ TỊCH", True, False)])
    for _ in range(3):
        _para(right, [""])
    _para(right, [("Nguyễn Văn An", True, False)])


BODY: list[tuple[str, str]] = [
    (
        "paragraph",
        "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 20/12/2024 của Hội đồng nhân dân xã về dự toán "
        "ngân sách năm 2025;",
    ),
    (
        "paragraph",
        "Ủy ban nhân dân xã Tân Phú kính trình Ủy ban nhân dân huyện xem xét hỗ trợ kinh phí "
        "lắp đặt camera an ninh, cụ thể như sau:",
    ),
    ("heading", "1. Sự cần thiết"),
    (
        "paragraph",
        "Toàn xã có 8 ấp với 3.250 hộ gia đình; hiện mới có 12 camera tại 3/8 ấp, chiếm 37,5% "
        "số ấp. Tình hình trộm cắp tài sản còn diễn biến phức tạp.",
    ),
    ("heading", "2. Nội dung đề nghị"),
    ("heading", "a) Quy mô đầu tư"),
    ("bullet", "- Lắp đặt 40 camera tại 8 ấp, ưu tiên các tuyến đường liên ấp;"),
    ("bullet", "- Kinh phí dự kiến 1.200 triệu đồng, trong đó ngân sách xã đối ứng 30%."),
    ("heading", "b) Thời gian thực hiện"),
    ("paragraph", "Trong quý II năm 2025, hoàn thành trước ngày 30 tháng 6 năm 2025."),
    ("heading", "3. Kiến nghị"),
    (
        "paragraph",
        "Ủy ban nhân dân xã Tân Phú kính trình Ủy ban nhân dân huyện xem xét, quyết định./.",
    ),
]


def commune_submission():
    """The commune's TỜ TRÌNH; what a reader sees in it."""
    document = _document()
    _header(document)
    for level, text in BODY:
        if level == "heading":
            italic = text[1] == ")"
            _para(document, [(text, not italic, italic)], JUSTIFY, indent=True)
        elif text.startswith("Toàn xã"):
            paragraph = _para(document, [text[:-1]], JUSTIFY, indent=True)
            footnote_mark(paragraph, 1)
            paragraph.add_run(".")
        elif text.startswith("- Kinh phí"):
            before, bold = text.split("đối ứng")
            runs = [before, ("đối ứng" + bold[:-1], True, False), "."]
            _para(document, runs, JUSTIFY, indent=True)
        else:
            _para(document, [text], JUSTIFY, indent=True)
    _signature(document)
    add_footnotes(document, {1: NOTE})
    return document, _expected()


def _expected() -> Expected:
    headings = [text for level, text in BODY if level == "heading"]
    return Expected(
        header={
            "agency": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
            "parent agency": "",
            "number": "Số: 45/TTr-UBND",
            "place and date": "Tân Phú, ngày 12 tháng 3 năm 2025",
            "type": "TỜ TRÌNH",
            "summary": "Về việc đề nghị hỗ trợ kinh phí lắp đặt camera an ninh trên địa bàn "
            "xã Tân Phú",
            "addressee": "Kính gửi: Ủy ban nhân dân huyện Châu Thành",
            "recipients": "- Như trên; - TT Đảng ủy xã (b/c); - Lưu: VT.",
            "authority": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
            "signer": "Nguyễn Văn An",
        },
        paragraphs=list(BODY),
        depths=[(1 if text[1] == "." else 2, text) for text in headings],
        footnotes=[NOTE],
    )
