"""The parts of a .docx beside its body that ``reader`` reads into the facts:
numbering.xml (the lists of Word's automatic numbers), tracked changes and comments,
endnotes."""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocxDocument
from lxml import etree

from .elements import W
from .facts import NumberLevel, Revisions


def part_roots(document: DocxDocument, name: str) -> Iterator[etree._Element]:
    from docx.oxml import parse_xml

    for part in document.part.package.iter_parts():
        if str(part.partname).endswith(f"/{name}"):
            yield parse_xml(part.blob)


def numbering(document: DocxDocument) -> tuple[dict[str, dict[int, NumberLevel]], dict[str, str]]:
    """The levels of each list (``numId``) of numbering.xml, its overrides applied."""
    lists: dict[str, dict[int, NumberLevel]] = {}
    abstract_of: dict[str, str] = {}
    for root in part_roots(document, "numbering.xml"):
        abstracts = {
            a.get(f"{W}abstractNumId", ""): _levels(a) for a in root.findall(f"{W}abstractNum")
        }
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            key = abstract.get(f"{W}val", "") if abstract is not None else ""
            levels = dict(abstracts.get(key, {}))
            num_id = num.get(f"{W}numId", "")
            for override in num.findall(f"{W}lvlOverride"):
                depth = int(override.get(f"{W}ilvl", "0"))
                levels.update(_levels(override))
                start = override.find(f"{W}startOverride")
                if start is not None and depth in levels:
                    value = int(start.get(f"{W}val", "1"))
                    old = levels[depth]
                    levels[depth] = NumberLevel(old.format, old.text, value)
                    key = f"{key}/{num_id}"  # a list started again counts on its own
            lists[num_id] = levels
            abstract_of[num_id] = key
    return lists, abstract_of


def revisions(document: DocxDocument) -> Revisions:
    """Tracked changes in the body and footnotes, and comments."""
    found = Revisions()
    roots = [document.element.body, *part_roots(document, "footnotes.xml")]
    for root in roots:
        found.inserted += sum(1 for _ in root.iter(f"{W}ins"))
        found.deleted += sum(1 for _ in root.iter(f"{W}del"))
        found.moved += sum(1 for _ in root.iter(f"{W}moveFrom"))
        found.formatted += sum(
            1 for _ in root.iter(f"{W}rPrChange", f"{W}pPrChange", f"{W}tblPrChange")
        )
    for root in part_roots(document, "comments.xml"):
        found.comments += len(root.findall(f"{W}comment"))
    return found


def endnotes(document: DocxDocument) -> int:
    return sum(
        1
        for root in part_roots(document, "endnotes.xml")
        for note in root.findall(f"{W}endnote")
        if note.get(f"{W}type") in (None, "normal")
    )


def _levels(parent: etree._Element) -> dict[int, NumberLevel]:
    levels = {}
    for level in parent.findall(f"{W}lvl"):
        depth = level.get(f"{W}ilvl", "0")
        fmt = level.find(f"{W}numFmt")
        text = level.find(f"{W}lvlText")
        start = level.find(f"{W}start")
        value = start.get(f"{W}val", "1") if start is not None else "1"
        levels[int(depth) if depth.isdigit() else 0] = NumberLevel(
            fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
            text.get(f"{W}val", "") if text is not None else "",
            int(value) if value.lstrip("-").isdigit() else 1,
        )
    return levels
