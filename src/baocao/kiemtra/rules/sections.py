""" "Kính gửi" and the part, chapter and section lines of the body."""

from __future__ import annotations

import re

from ... import decree30
from ..facts import Paragraph
from ..rule import Document, Outcome, Skip, Violation, rule, style_problems
from ..structure import PART_LABEL, norm

PART_LABELS = {"phần": "Roman", "chương": "Roman", "mục": "Arabic", "tiểu mục": "Arabic"}
ROMAN = re.compile(r"^[IVXLCDM]+$")


@rule(
    "kinh-gui",
    "“Kính gửi:” cỡ 13–14, chữ đứng; một nơi trên cùng dòng, nhiều nơi mỗi nơi một dòng "
    "“- …;”, dòng cuối “- ….”",
    decree30.ADDRESSEE_CLAUSE,
)
def addressee(document: Document) -> Outcome:
    lines = document.structure.addressee
    if not lines:
        return Skip("văn bản không có “Kính gửi”")
    element = decree30.ELEMENTS["addressee"]
    out = []
    first = norm(lines[0].text)
    if not first.startswith(f"{decree30.ADDRESSEE}:"):
        out.append(Violation(lines[0].where, "sau “Kính gửi” phải có dấu hai chấm (:)"))
    if len(lines) == 1 and first.rstrip(":").strip() == decree30.ADDRESSEE:
        out.append(Violation(lines[0].where, "không có nơi nhận sau “Kính gửi:”"))
    for index, line in enumerate(lines):
        problems = style_problems(line, element.size, element.bold, element.italic, "")
        if index:
            problems += _item_problem(norm(line.text), last=index == len(lines) - 1)
        if problems:
            out.append(Violation(line.where, "; ".join(p.strip() for p in problems)))
    return out


def _item_problem(text: str, last: bool) -> list[str]:
    if not text.startswith("- "):
        return ["mỗi nơi nhận bắt đầu bằng “- ”"]
    end = "." if last else ";"
    if not text.endswith(end):
        return [f"{'dòng cuối' if last else 'mỗi dòng'} kết thúc bằng “{end}”"]
    return []


@rule(
    "phan-chuong",
    "“Phần”, “Chương” (số La Mã), “Mục” (số Ả Rập) trên một dòng riêng, căn giữa, đậm; "
    "tiêu đề ngay dưới, căn giữa, in hoa, đậm",
    decree30.PARTS_CLAUSE,
)
def parts(document: Document) -> Outcome:
    lines = document.structure.parts
    if not lines:
        return Skip("văn bản không có phần, chương, mục")
    out = []
    for index, line in enumerate(lines):
        text = norm(line.text)
        if PART_LABEL.match(text):
            word, _, number = text.rpartition(" ")
            problems = _label_problems(line, word, number.rstrip("."))
        else:
            element = decree30.ELEMENTS["part_title"]
            problems = style_problems(line, element.size, True, False, "tiêu đề")
            if text != text.upper():
                problems.append("tiêu đề phải viết in hoa")
            if index == 0 or not PART_LABEL.match(norm(lines[index - 1].text)):
                problems.append("tiêu đề không đứng ngay dưới dòng “Phần/Chương/Mục …”")
        if problems:
            out.append(Violation(line.where, "; ".join(p.strip() for p in problems)))
    return out


def _label_problems(line: Paragraph, word: str, number: str) -> list[str]:
    element = decree30.ELEMENTS["part_label"]
    problems = style_problems(line, element.size, True, False, "")
    roman = PART_LABELS[word.lower()] == "Roman"
    if roman and not ROMAN.match(number):
        problems.append(f"số thứ tự của “{word}” dùng chữ số La Mã")
    if not roman and not number.isdigit():
        problems.append(f"số thứ tự của “{word}” dùng chữ số Ả Rập")
    if word != word.capitalize():
        problems.append(f"viết “{word.capitalize()}”, chữ thường")
    return problems
