"""Run and paragraph properties as Word resolves them.

Word takes each property from the most specific place that sets it: the run's own
properties, then its character style (and the styles it is based on), then the
paragraph's style chain, then the document defaults (``w:docDefaults``). A font
given as a theme font (``w:asciiTheme="minorHAnsi"``) is looked up in the theme.
Each resolved value remembers where it came from, so a finding can say "Arial,
from the style Heading 1".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

W_VAL = qn("w:val")
THEME_SLOTS = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}


@dataclass(frozen=True)
class Value:
    value: Any
    source: str
    """Where the value was set: direct formatting, a style, the document defaults, the theme."""


def on_off(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(W_VAL, "true").lower() not in ("0", "false", "off")


def twips_mm(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return int(float(value)) / 1440 * 25.4
    except ValueError:
        return None


class StyleSheet:
    """The styles part and theme of one document."""

    def __init__(self, document: DocxDocument) -> None:
        self.styles: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.default_paragraph: str | None = None
        self._style_properties: dict[tuple[str | None, str, str], str | None] = {}
        self._style_borders: dict[str | None, bool] = {}
        self._plain_looks: dict[str | None, tuple[Any, ...]] = {}
        element = document.styles.element
        for style in element.iter(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self.styles[style_id] = style
            name = style.find(qn("w:name"))
            raw = name.get(W_VAL) if name is not None else style_id
            self.names[style_id] = BabelFish.internal2ui(raw)
            if style.get(qn("w:type")) == "paragraph" and on_off_attr(style.get(qn("w:default"))):
                self.default_paragraph = style_id
        defaults = element.find(qn("w:docDefaults"))
        self.run_defaults = _find(defaults, "w:rPrDefault", "w:rPr")
        self.paragraph_defaults = _find(defaults, "w:pPrDefault", "w:pPr")
        self.theme = _theme_fonts(document)

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and those it is based on, most specific first."""
        out: list[Any] = []
        while style_id and style_id in self.styles and len(out) < 20:
            style = self.styles[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(W_VAL) if based is not None else None
        return out

    def label(self, style: Any) -> str:
        return f"kiểu “{self.names.get(style.get(qn('w:styleId')), '?')}”"

    def run_layers(
        self, paragraph_style: str | None, run: etree._Element | None
    ) -> list[tuple[Any, str]]:
        """``(rPr, source)`` from the most specific to the document defaults."""
        layers: list[tuple[Any, str]] = []
        r_pr = run.find(qn("w:rPr")) if run is not None else None
        if r_pr is not None:
            layers.append((r_pr, "định dạng trực tiếp của đoạn chữ"))
            char_style = r_pr.find(qn("w:rStyle"))
            if char_style is not None:
                for style in self.chain(char_style.get(W_VAL)):
                    layers.append((style.find(qn("w:rPr")), self.label(style)))
        for style in self.chain(paragraph_style or self.default_paragraph):
            layers.append((style.find(qn("w:rPr")), self.label(style)))
        layers.append((self.run_defaults, "mặc định của tài liệu"))
        return [(layer, source) for layer, source in layers if layer is not None]

    def font(self, layers: list[tuple[Any, str]], slot: str) -> Value:
        for r_pr, source in layers:
            fonts = r_pr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn(f"w:{THEME_SLOTS[slot]}"))
            if theme:
                kind = "major" if theme.startswith("major") else "minor"
                return Value(self.theme.get(kind), f"{source}, phông của chủ đề")
            name = fonts.get(qn(f"w:{slot}"))
            if name:
                return Value(name, source)
        return Value(None, "không đặt ở đâu cả")

    @staticmethod
    def size(layers: list[tuple[Any, str]]) -> Value:
        for r_pr, source in layers:
            size = r_pr.find(qn("w:sz"))
            if size is not None and size.get(W_VAL, "").isdigit():
                return Value(int(size.get(W_VAL)) / 2, source)
        return Value(10.0, "mặc định của Word")

    @staticmethod
    def flag(layers: list[tuple[Any, str]], tag: str) -> bool:
        for r_pr, _source in layers:
            value = on_off(r_pr.find(tag))
            if value is not None:
                return value
        return False

    @staticmethod
    def raised(layers: list[tuple[Any, str]]) -> bool:
        """Whether the run is set as superscript (``w:vertAlign``)."""
        for r_pr, _source in layers:
            align = r_pr.find(qn("w:vertAlign"))
            if align is not None:
                return bool(align.get(W_VAL) == "superscript")
        return False

    def looks(self, run: etree._Element, style_id: str | None) -> tuple[Any, ...]:
        """Fonts (ascii, hAnsi), size, bold, italic and superscript of ``run``: a run with
        no formatting of its own looks as its paragraph's style says, worked out once."""
        plain = run.find(qn("w:rPr")) is None
        if plain and style_id in self._plain_looks:
            return self._plain_looks[style_id]
        layers = self.run_layers(style_id, run)
        looks = (
            self.font(layers, "ascii"),
            self.font(layers, "hAnsi"),
            self.size(layers),
            self.flag(layers, qn("w:b")),
            self.flag(layers, qn("w:i")),
            self.raised(layers),
        )
        if plain:
            self._plain_looks[style_id] = looks
        return looks

    def style_property(self, style_id: str | None, tag: str, attribute: str) -> str | None:
        """``paragraph_property`` over the style chain of ``style_id`` and the document
        defaults, worked out once for each style: a Phụ lục has thousands of cells of
        a few styles."""
        key = (style_id, tag, attribute)
        if key not in self._style_properties:
            layers = self.paragraph_layers(None, style_id)
            self._style_properties[key] = paragraph_property(layers, tag, attribute)
        return self._style_properties[key]

    def style_border(self, style_id: str | None) -> bool:
        """Whether the style chain of ``style_id`` draws a rule under the paragraph."""
        if style_id not in self._style_borders:
            border = False
            for layer in self.paragraph_layers(None, style_id):
                bottom = layer.find(qn("w:pBdr") + "/" + qn("w:bottom"))
                if bottom is not None:
                    border = bottom.get(W_VAL) not in ("nil", "none")
                    break
            self._style_borders[style_id] = border
        return self._style_borders[style_id]

    def paragraph_layers(self, p_pr: Any, style_id: str | None) -> list[Any]:
        layers = [p_pr] if p_pr is not None else []
        for style in self.chain(style_id or self.default_paragraph):
            layers.append(style.find(qn("w:pPr")))
        layers.append(self.paragraph_defaults)
        return [layer for layer in layers if layer is not None]


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def paragraph_property(layers: list[Any], tag: str, attribute: str) -> str | None:
    """The first ``tag/@w:attribute`` set in the layers (direct, style chain, defaults);
    ``tag`` in Clark notation."""
    name = qn(f"w:{attribute}")
    for p_pr in layers:
        element: etree._Element | None = p_pr.find(tag)
        if element is not None and element.get(name) is not None:
            return element.get(name)
    return None


def _find(element: etree._Element | None, *path: str) -> etree._Element | None:
    for tag in path:
        if element is None:
            return None
        element = element.find(qn(tag))
    return element


def _theme_fonts(document: DocxDocument) -> dict[str, str]:
    from docx.oxml import parse_xml

    namespace = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for part in document.part.package.iter_parts():
        if part.partname.endswith("/theme1.xml") or "/theme/" in part.partname:
            root = parse_xml(part.blob)
            fonts: dict[str, str] = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//{namespace}{kind}Font/{namespace}latin")
                typeface = latin.get("typeface") if latin is not None else None
                if typeface:
                    fonts[kind] = typeface
            return fonts
    return {}
