"""Characters a Word document cannot hold, and how to name them to a user.

XML 1.0 allows tab, line feed, carriage return and everything from U+0020 up,
except the surrogates U+D800–U+DFFF and U+FFFE, U+FFFF. YAML refuses a few more
when typed raw (U+007F–U+009F apart from U+0085). Text holding any of them is
refused where it is read, with its file, line and field: never written into a
document (Word would call the file corrupt) and never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata

INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot contain, raw or escaped."""

UNREADABLE_RAW_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]"
)
"""Characters that may not appear raw in a YAML file (a superset of the above), and the
line breaks YAML counts as new lines but editors do not (U+0085, U+2028, U+2029): left
in, every line number after them would be wrong and the text silently changed."""
ODD_LINE_BREAKS = {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def describe(char: str) -> str:
    """``U+0007 (ký tự điều khiển)``: the code point and what kind of character it is."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "nửa cặp surrogate UTF-16 lẻ"
    elif unicodedata.category(char) == "Cc":
        kind = "ký tự điều khiển"
    else:
        kind = "không phải ký tự"
    return f"U+{code:04X} ({kind})"


def refusal(char: str) -> str:
    """The Vietnamese message for a character that cannot go into a document."""
    if char in ODD_LINE_BREAKS:
        return (
            f"có ký tự xuống dòng đặc biệt U+{ord(char):04X} ({ODD_LINE_BREAKS[char]}, thường "
            "do sao chép từ Word hay trang web); hãy xóa nó hoặc thay bằng xuống dòng thường"
        )
    if INVALID_XML_CHARS.match(char):
        return f"có ký tự {describe(char)} mà tệp Word không chứa được; hãy xóa ký tự này"
    return f"có ký tự {describe(char)} không được phép trong tệp YAML; hãy xóa ký tự này"
