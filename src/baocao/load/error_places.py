"""Map a pydantic error location onto the data it points at.

Pydantic puts names in an error's ``loc`` that the YAML does not have: the tag of a
discriminated union member (``'task'``, ``'bullets'``) and the label of a plain union
member (``'int'``, ``'list[constrained-str]'``). Walking the model's annotations beside
the ``loc`` tells which parts are data keys, which model owns the last key (so a typo
is matched against that model's fields), and which union branch an error came from.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Tag


@dataclass(frozen=True)
class ErrorPlace:
    """Where an error sits in the data, and the model whose fields hold its last key."""

    loc: tuple[Any, ...]
    owner: type[BaseModel] | None
    branch: tuple[tuple[Any, ...], str] | None = None
    """``(data loc of the union, member label)`` when the error came from a union member."""


def _strip(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    metadata: tuple[Any, ...] = ()
    while typing.get_origin(tp) is typing.Annotated:
        metadata += tuple(tp.__metadata__)
        tp = typing.get_args(tp)[0]
    return tp, metadata


def _has_tag(member: Any, tag: Any) -> bool:
    return any(isinstance(x, Tag) and x.tag == tag for x in _strip(member)[1])


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _member_for_label(members: tuple[Any, ...], label: str) -> Any:
    for member in members:
        inner, _ = _strip(member)
        if label.startswith("list[") and typing.get_origin(inner) is list:
            return member
        if _is_model(inner) and inner.__name__ == label:
            return member
    scalars = [m for m in members if typing.get_origin(_strip(m)[0]) is not list]
    return scalars[0] if scalars else members[0]


def _takes_key(members: tuple[Any, ...], part: Any) -> bool:
    for member in members:
        inner, _ = _strip(member)
        if typing.get_origin(inner) is dict:
            return True
        if _is_model(inner) and part in inner.model_fields:
            return True
    return False


def place_of(root: type[BaseModel], loc: tuple[Any, ...]) -> ErrorPlace:
    """The data location of pydantic ``loc`` validated against ``root``."""
    tp: Any = root
    kept: list[Any] = []
    owner: type[BaseModel] | None = None
    branch: tuple[tuple[Any, ...], str] | None = None
    for part in loc:
        tp, _ = _strip(tp) if tp is not None else (None, ())
        if _is_union(tp):
            members = typing.get_args(tp)
            tagged = next((m for m in members if _has_tag(m, part)), None)
            if tagged is not None:
                tp = tagged
                continue
            if isinstance(part, str) and not _takes_key(members, part):
                if branch is None:
                    branch = (tuple(kept), part)
                tp = _member_for_label(members, part)
                continue
            tp = next((m for m in members if _is_model(_strip(m)[0])), members[0])
            tp, _ = _strip(tp)
        if _is_model(tp):
            owner = tp
            kept.append(part)
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            tp = field.annotation if field is not None else None
        elif typing.get_origin(tp) is list and isinstance(part, int):
            kept.append(part)
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            kept.append(part)
            tp = typing.get_args(tp)[1]
        elif tp is None:
            kept.append(part)
        # otherwise a label of a scalar validator ('int', 'constrained-str'): not data
    return ErrorPlace(tuple(kept), owner, branch)
