"""One rule set (issue 23): whatever valid front matter a user writes, either validate
says why before anything is written, or render writes documents its own checker
accepts.

Random front matter: agency names of one to three lines of 2–60 characters, with and
without a parent agency; every kind of document of the decree; signer blocks with
TM., KT., TUQ., TL., Q.; trích yếu of 1–300 characters in any case; every numbering
scheme, the body's headings as deep as the scheme; a "Kính gửi" where the kind takes
one. ``render_report`` runs kiemtra's rules in memory before it writes (a
``LayoutError`` when they fail): that error must never come after a clean validate.
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from baocao import decree30
from baocao.commands.render import render_report
from baocao.commands.validate import validate_report
from baocao.errors import LayoutError
from baocao.kiemtra import check
from baocao.kiemtra.status import Status

from .hardening import TEMPLATES, example_data, example_report, write_report, write_year
from .helpers import workspace_at

AGENCY_TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG SỞ KHOA HỌC VÀ CÔNG NGHỆ BỘ Y TẾ CHÍNH PHỦ PHÒNG VĂN HÓA "
    "THÔNG TIN HUYỆN CHÂU THÀNH TRUNG TÂM DỊCH VỤ HÀNH CHÍNH CÔNG KIÊN GIANG NỘI VỤ"
)
AGENCY_WORDS = AGENCY_TEXT.split(" ")
SUMMARY_TEXT = (
    "báo cáo kết quả thực hiện chuyển đổi số năm 2024 và phương hướng nhiệm vụ kế hoạch "
    "triển khai cải cách hành chính đề nghị phê duyệt dự toán kinh phí về việc tăng cường "
    "công tác bảo đảm an toàn thông tin mạng trên địa bàn tỉnh"
)
SUMMARY_WORDS = SUMMARY_TEXT.split(" ")
AUTHORITIES = (
    ["GIÁM ĐỐC"],
    ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"],
    ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
    ["Q. GIÁM ĐỐC"],
)
NUMBERINGS = (
    ["I.", "1.", "a)", "(1)"],
    ["Phần I", "I.", "1.", "a)"],
    ["Chương I", "Điều 1.", "1.", "a)"],
    ["Mục 1", "1.", "1.1.", "-"],
    ["I.", "1.", "1.1.", "+"],
    ["none", "1.", "a)", "-"],
)
ADDRESSEES = ("Bộ Nội vụ", "Ủy ban nhân dân tỉnh", "Sở Tài chính", "Bộ Khoa học và Công nghệ")


def agency_lines(low: int, high: int) -> st.SearchStrategy[str]:
    line = (
        st.lists(st.sampled_from(AGENCY_WORDS), min_size=1, max_size=14)
        .map(" ".join)
        .filter(lambda text: 2 <= len(text) <= 60)
    )
    return st.lists(line, min_size=low, max_size=high).map("\n".join)


summaries = st.builds(
    lambda words, case: case(" ".join(words))[:300].strip() or "báo cáo",
    st.lists(st.sampled_from(SUMMARY_WORDS), min_size=1, max_size=70),
    st.sampled_from([str.lower, str.upper, str.capitalize, str.title]),
)


@st.composite
def front_matters(draw: st.DrawFn) -> tuple[dict, list[str]]:
    front, _body = example_report()
    document = front["document"]
    kind = draw(st.sampled_from(list(decree30.KINDS.values())))
    document["agency"] = draw(agency_lines(1, 3))
    parent = draw(st.one_of(st.none(), agency_lines(1, 2)))
    document.pop("parent_agency", None)
    if parent is not None:
        document["parent_agency"] = parent
    document["type"] = kind.name
    abbreviation = kind.abbreviation or "UBND"
    document["symbol"] = f"{abbreviation}-VP" if kind.letter else f"{abbreviation}-UBND"
    document["summary"] = draw(summaries)
    document["signer"] = {"authority": draw(st.sampled_from(AUTHORITIES)), "name": "Trần Văn An"}
    if kind.needs_addressee or (kind.addressed and draw(st.booleans())):
        document["to"] = draw(st.lists(st.sampled_from(ADDRESSEES), min_size=1, max_size=3))
    numbering = draw(st.sampled_from(NUMBERINGS))
    front["numbering"] = numbering
    return front, numbering


def body_for(numbering: list[str]) -> str:
    """Headings as deep as the numbering, each with a paragraph, then the closing."""
    lines = ["Căn cứ Chương trình số 553/CTr-UBND ngày 09/9/2021 của Ủy ban nhân dân tỉnh.", ""]
    for depth in range(1, len(numbering) + 1):
        lines += [f"{'#' * depth} Nội dung cấp {depth}", "", f"Đoạn văn của cấp {depth}.", ""]
    lines += ["Trên đây là nội dung văn bản./.", ""]
    return "\n".join(lines)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(drawn=front_matters())
def test_validate_says_why_or_render_writes_what_kiemtra_accepts(tmp_path_factory, drawn):
    front, numbering = drawn
    root = tmp_path_factory.mktemp("rules")
    write_year(root / "data", example_data())
    report = write_report(root, front, body_for(numbering))
    checked = validate_report(report, workspace_at(root))
    if checked.errors:
        assert all(str(problem).strip() for problem in checked.errors)
        event(f"validate: {checked.errors[0].message[:60]}")
        return  # validate says why; render would write nothing
    try:
        written = render_report(checked, TEMPLATES, root / "out", draft=True)
    except LayoutError as exc:
        raise AssertionError(f"validate passed, kiemtra refused:\n{exc}\n{front}") from exc
    event("rendered")
    for document in written:
        results = check(document.path).results
        failed = {r.rule.id: r.violations for r in results if r.status is Status.ERROR}
        assert failed == {}, front
