"""What every model of the year file shares: strictness, identifiers, numbers."""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
)

from ..limits import MAX_FIGURE

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
AS_OF_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

Evaluation = Literal["Đạt", "Chưa đạt", "Chưa đánh giá", "Ước đạt", "Chưa có số liệu"]
Number = (
    Annotated[StrictInt, Field(ge=-MAX_FIGURE, le=MAX_FIGURE)]
    | Annotated[StrictFloat, Field(ge=-MAX_FIGURE, le=MAX_FIGURE, allow_inf_nan=False)]
)
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]


def no_items() -> list[Any]:
    """A new empty list, for ``Field(default_factory=…)``. pydantic inspects a factory's
    signature when it builds a model; for the builtin ``list`` that means parsing its text
    signature, a few milliseconds at every start of the command line."""
    return []


def no_entries() -> dict[str, Any]:
    """A new empty dict, for ``Field(default_factory=…)`` (see ``no_items``)."""
    return {}


def _kind_by_key(key: str, if_present: str, otherwise: str) -> Callable[[object], str]:
    def pick(value: object) -> str:
        if isinstance(value, dict):
            return if_present if key in value else otherwise
        return if_present if hasattr(value, key) else otherwise

    return pick


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, so a typo never loses a field."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)
