"""Random text through a real render (issue 6, Tests).

Whatever text a user types (Vietnamese composed or decomposed, XML specials, Jinja
and docxtpl delimiters, very long strings), the result is a clear ``BaocaoError``
or a document python-docx opens whose text reads back equal after NFC; control
characters and lone surrogates are always refused with a line. A sample is also
opened by LibreOffice when it is installed (CI installs it).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.commands.render import render_report
from baocao.commands.validate import validate_report
from baocao.errors import BaocaoError, DataError
from baocao.yearfile.migrate import escape

from .hardening import TEMPLATES, example_data, example_report, write_report, write_year
from .helpers import body_lines, footnotes, libreoffice, workspace_at

TOKENS = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "{%p if x %}",
    "{{r x }}",
    "{{ 7*7 }}",
    "&",
    "&amp;",
    "&#123;",
    "<",
    ">",
    "<w:p>",
    "</w:t>",
    "]]>",
    "<![CDATA[",
    '"',
    "'",
    "[",
    "]",
    "^",
    "|",
    "\\",
    "%",
    "Việt Nam",
    "Đạt",
    "ước đạt 97,14%",
    "Thủ tục",
    unicodedata.normalize("NFD", "Nghị định số 30/2020/NĐ-CP"),
    unicodedata.normalize("NFD", "Ủy ban nhân dân"),
    "\u0301",
    "\u0323",
    "\u0302",
    "\u031b",
    "a\u0306",
    "\u00a0",
    "  ",
    "\u200b",
    "😀",
    "𝔸",
    "\ufeff",
    "\u202e",
    ":",
    "#",
    "- ",
    "&nbsp;",
]
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))] + [
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
]

pieces = st.one_of(
    st.sampled_from(TOKENS),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=8),
)
clean_text = st.builds(
    lambda parts, repeat: "".join(parts) * repeat,
    st.lists(pieces, min_size=1, max_size=12),
    st.sampled_from([1, 1, 1, 2, 50, 2000]),  # sometimes a very long string
)

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def workspace_with(root: Path, text: str, body_text: str | None = None) -> Path:
    """``text`` (between guillemets, so stripping never changes it) in the template-printed
    trích yếu, a body paragraph of runs (escaped as Markdown), a footnote and a Phụ lục
    table cell."""
    wrapped = f"«{text}»"
    data = example_data()
    data["task_lists"][0]["items"][0]["name"] = wrapped
    write_year(root / "data", data)
    front, _body = example_report()
    front["document"]["summary"] = wrapped
    in_body = wrapped if body_text is None else f"«{body_text}»"
    body = (
        f"{escape(in_body)}[^ctr553]\n\n# KẾT QUẢ\n\nTrên đây là báo cáo.\n\n"
        f"[^ctr553]: {escape(in_body)}\n"
    )
    write_report(root, front, body)
    return root


def render_in(root: Path, out: Path):
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    return render_report(report, TEMPLATES, out, workspace=workspace_at(root))


@PROPERTY
@given(text=clean_text)
def test_random_text_renders_verbatim_or_fails_clearly(tmp_path_factory, text):
    root = workspace_with(tmp_path_factory.mktemp("random"), text)
    expected = unicodedata.normalize("NFC", f"«{text}»")
    try:
        written = render_in(root, root / "out")
    except BaocaoError as exc:
        assert str(exc).strip()
        capitals = any(c.isalpha() for c in text) and text == text.upper()
        if capitals and "trích yếu viết chữ thường" in str(exc):
            return  # a trích yếu in capitals is refused (Phụ lục I, Phần I, mục II.5.b)
        assert "[" in text or "^" in text, f"only a reference may fail: {exc}"
        return
    docs = {f.kind: f.path for f in written}
    for path in docs.values():
        Document(str(path))  # python-docx opens it
    lines = body_lines(docs["BÁO CÁO"])
    assert expected in [line.replace("\n", " ") for line in lines]  # the trích yếu, broken
    assert f"{expected}[^1]" in lines
    assert footnotes(docs["BÁO CÁO"]) == [(1, expected.strip())]
    appendix = body_lines(docs["Phụ lục"])
    assert any(line.startswith(f"| 1 | {expected} |") for line in appendix)


@PROPERTY
@given(text=clean_text, control=st.sampled_from(CONTROL), where=st.floats(0, 1))
def test_control_characters_and_surrogates_are_always_refused(
    tmp_path_factory, text, control, where
):
    cut = int(len(text) * where)
    typed = text[:cut] + control + text[cut:]
    # A Markdown body is written as UTF-8 and cannot hold a lone surrogate: YAML only then.
    in_body = text if "\ud800" <= control <= "\udfff" else typed
    root = workspace_with(tmp_path_factory.mktemp("control"), typed, in_body)
    report = root / "reports" / "2024" / "bao-cao-mau.md"
    problems = validate_report(report, workspace_at(root)).all_problems
    assert problems and all(problem.line for problem in problems)
    with pytest.raises(DataError):
        render_in(root, root / "out")
    assert not (root / "out").exists()


SEEN_IN_PDF = {"BaoCao": "Trên đây là báo cáo", "PhuLuc": "KẾT QUẢ MỘT SỐ"}


def sample_texts() -> list[str]:
    chooser = random.Random(6)
    return ["".join(chooser.choice(TOKENS) for _ in range(40)).replace("[", "(") for _ in range(2)]


@pytest.mark.libreoffice
def test_libreoffice_opens_a_sample_of_generated_documents(tmp_path):
    soffice = libreoffice("Writer")
    documents = []
    for index, text in enumerate(sample_texts()):
        root = workspace_with(tmp_path / f"in{index}", text)
        documents += [f.path for f in render_in(root, tmp_path / "docs")]
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for document in documents:
        pdf = tmp_path / "pdf" / f"{document.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 1000, document.name
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            words = " ".join(unicodedata.normalize("NFC", text).split())
            assert SEEN_IN_PDF[document.stem.split("_")[0]] in words
