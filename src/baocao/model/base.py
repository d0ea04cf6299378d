"""What every model of the year file shares: strictness, identifiers, numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

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


def _kind_by_key(key: str, if_present: str, otherwise: str) -> Callable[[object], str]:
    def pick(value: object) -> str:
        if isinstance(value, dict):
            return if_present if key in value else otherwise
        return if_present if hasattr(value, key) else otherwise

    return pick


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, so a typo never loses a field."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)
