"""Why libxml2 refused a part's XML, in Vietnamese (its own messages are English).

The reasons are looked up by libxml2's error code (``xmlParserErrors``), which does
not change with its wording; an unknown code is named by its number.
"""

from __future__ import annotations

from typing import Any

REASONS = {
    4: "phần XML trống",
    5: "còn nội dung sau khi phần XML đã kết thúc",
    9: "có ký tự không được phép trong XML",
    26: "dùng thực thể (&…;) không được khai báo",
    38: "có dấu < trong giá trị thuộc tính",
    39: "giá trị thuộc tính thiếu dấu ngoặc kép",
    41: "thuộc tính thiếu dấu =",
    42: "một thuộc tính được ghi hai lần",
    62: "chuỗi ']]>' đứng trong nội dung",
    64: "khai báo <?xml …?> không ở đầu phần",
    68: "thiếu tên sau dấu & hoặc < (dấu & phải viết &amp;)",
    73: "thẻ mở không được đóng bằng dấu >",
    76: "thẻ đóng không khớp với thẻ mở",
    77: "thiếu thẻ đóng (XML bị cắt ngang)",
    201: "tiền tố không gian tên (namespace) chưa được khai báo",
}


def syntax_reason(exc: Any) -> str:
    """``lxml.etree.XMLSyntaxError`` ``exc`` as one Vietnamese phrase with its place."""
    code = getattr(exc, "code", None)
    reason = REASONS.get(code, f"lỗi cú pháp XML số {code}") if code else "lỗi cú pháp XML"
    position = getattr(exc, "position", None)
    if position and position[0]:
        reason += f", dòng {position[0]}, cột {position[1]}"
    return reason
