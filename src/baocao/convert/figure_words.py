"""The words around a figure of the prose (``figures``): its unit, the name and id of
its metric, the sentence it is quoted from.

Vietnamese writes most nouns in two syllables (``hồ sơ``, ``thành viên``) and counts
things with one-syllable words too (``xã``, ``lớp``, ``lượt``); with no dictionary the
unit is the known word or pair, else one syllable a count is known to use, else the
first two words. The unit prints after the number exactly as it stood, so a unit
read wrong still prints the sentence as typed: only the metric's name suffers, and
the user reviews it.
"""

from __future__ import annotations

import re
import unicodedata

from ..model.year import MEASURES

SCALES = frozenset(["tỷ", "triệu", "nghìn", "ngàn", "trăm"])
"""Words that scale a number: the unit is the word after them too (``triệu đồng``)."""
MONEY = frozenset(["tỷ", "triệu", "nghìn", "ngàn", "đồng"])
TWO_WORD_UNITS = (
    "hồ sơ|thuê bao|cán bộ|công chức|viên chức|doanh nghiệp|thủ tục|nhiệm vụ|học sinh|"
    "sinh viên|giáo viên|người dân|hộ dân|đơn vị|cơ quan|tài khoản|dịch vụ|văn bản|"
    "máy tính|trạm phát|trường học|khu phố|chỉ tiêu|giải pháp|công trình|dự án|"
    "phòng họp|điểm cầu|người dùng|giao dịch|lao động|bệnh nhân|gia đình|ứng dụng|"
    "thành viên|hội viên|đoàn viên|đảng viên|tổ chức|sản phẩm|lượt người|thị trấn"
)
UNITS_OF_TWO = frozenset(TWO_WORD_UNITS.split("|"))
UNITS_OF_THREE = frozenset(["hộ gia đình", "điểm phần trăm", "hợp tác xã", "tổ dân phố"])
ONE_WORD_UNITS = (
    "xã phường huyện tỉnh thôn ấp khóm bản làng hộ người lượt lớp buổi cuộc bài "
    "tin trường trạm điểm cái chiếc con căn bộ máy xe tuyến cột cầu gói mã ca nhà phòng "
    "ban sở ngành tổ đội nhóm hội em cháu cụ tập cuốn kênh trang cổng hệ camera vụ việc "
    "trận chuyến cây"
)
ONE_WORD = frozenset(ONE_WORD_UNITS.split())
"""One-syllable words a count of things uses as its unit (``12 xã``, ``560 lượt``)."""
NOT_UNIT_WORDS = (
    "năm tháng ngày quý tuần giờ phút giây kỳ đợt lần thứ và hoặc của trên dưới trong "
    "ngoài so với là được đã đang sẽ cho tại từ đến tới theo về các những mỗi một hai ba "
    "bốn sáu bảy tám chín mười này đó kia khi nếu thì mà như"
)
NOT_UNITS = frozenset(NOT_UNIT_WORDS.split())
"""Words after a number that make it no amount: a period, a date, a word of the
sentence (``2024 và``)."""
FILLER_WORDS = (
    "đạt|là|được|có|với|gồm|chiếm|bằng|khoảng|gần|hơn|trên|dưới|còn|lên|xuống|tới|đến|"
    "cho|của|và|tăng|giảm|tổng số|tổng cộng|tổng|ước|đã|thêm|trong đó|đồng thời|ngoài ra|"
    "cụ thể|tại|mức|so|-|+|–"
)
FILLERS = tuple(FILLER_WORDS.split("|"))
"""Words of a sentence that say nothing of what a figure counts, at the ends of the
words kept for its name."""
STOPS = frozenset(FILLERS) | NOT_UNITS
CLAUSE_END = re.compile(r"(?:[.;:!?](?=\s|$)|[()\[\]])\s*")
"""The end of a clause: ``.`` and the like before a space (not inside ``1.245``)."""
COMMA = re.compile(r",\s*")
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
MOST_NAME_WORDS = 16
MOST_SUBJECT_WORDS = 6
MOST_FOLLOWING_WORDS = 3
MOST_ID_WORDS = 6
MOST_ID_LENGTH = 40


def split_unit(words: str) -> tuple[str | None, str]:
    """The unit at the start of ``words`` (one to three words, after a space) and the
    text after it; ``None`` when the first word is no unit."""
    parts = words.split()
    first = parts[0] if parts else ""
    if not first or first in NOT_UNITS or not first.islower():
        return None, words
    size = 1
    if " ".join(parts[:3]) in UNITS_OF_THREE:
        size = 3
    elif " ".join(parts[:2]) in UNITS_OF_TWO:
        size = 2
    elif first in SCALES:
        if len(parts) < 2 or parts[1] in STOPS or not parts[1].islower():
            return None, words
        size = 2
    elif first not in ONE_WORD and first.casefold() not in MEASURES and len(parts) > 1:
        size = 2 if parts[1].islower() and parts[1] not in STOPS else 1
    unit = " ".join(parts[:size])
    return unit, words[words.index(unit) + len(unit) :]


def metric_name(unit: str, text: str, start: int, end: int, previous_end: int) -> str:
    """What the figure ``text[start:end]`` measures, from the words of its clause before
    it (for a count: its unit, and the words after it)."""
    clauses = CLAUSE_END.split(text[previous_end:start])
    subject = _trimmed(clauses[-1])
    following = _following(text[end:])
    if unit == "%":
        if subject:
            return _capital(" ".join(subject[-MOST_NAME_WORDS:]))
        after = CLAUSE_END.split(text[end:])[0]
        after = after[: next((i for i, c in enumerate(after) if c.isdigit()), len(after))]
        named = _trimmed(after)[:MOST_NAME_WORDS]
        earlier = _trimmed(clauses[-2]) if len(clauses) > 1 else []
        words = named or earlier[-MOST_NAME_WORDS:]
        if " ".join(words[:2]).lower() == "tỷ lệ":
            return _capital(" ".join(words))
        return " ".join(["Tỷ lệ", *words])
    subject = _trimmed(COMMA.split(clauses[-1])[-1])
    if following:
        return " ".join(["Số", unit, *following])
    if subject and unit.split()[0] in MONEY:
        return _capital(" ".join(subject[-MOST_NAME_WORDS:]))
    return " ".join(["Số", unit, *_lowered(subject[-MOST_SUBJECT_WORDS:])])


def _lowered(words: list[str]) -> list[str]:
    """``words`` put after others: a first word capitalised only as a sentence's start
    (``Lắp đặt``) in lower case; a name or an abbreviation (``UBND``) as it is."""
    if words and words[0][1:].islower():
        return [words[0].lower(), *words[1:]]
    return words


def _following(text: str) -> list[str]:
    """The words right after a figure up to the first word that says nothing of it."""
    words = []
    for word in text.split()[:MOST_FOLLOWING_WORDS]:
        bare = word.rstrip(",.;:!?)")
        if not bare or bare.lower() in STOPS or not bare[0].isalpha():
            break
        words.append(bare)
        if bare != word:
            break
    return words


NOT_A_NAME = re.compile(r"^(?:[\d.,/%]+|\d+/\S*|[^\w]+)$")
"""A word no name keeps: a number, a date, a document number, punctuation alone."""


def _trimmed(words_text: str) -> list[str]:
    """The words of ``words_text`` but numbers, dates and document numbers, without
    fillers at either end."""
    words = [w for w in words_text.split() if not NOT_A_NAME.match(w)]
    trimmed = True
    while words and trimmed:
        trimmed = False
        for filler in FILLERS:
            size = filler.count(" ") + 1
            if " ".join(words[-size:]).lower().rstrip(",") == filler:
                words, trimmed = words[:-size], True
            elif " ".join(words[:size]).lower().rstrip(",") == filler:
                words, trimmed = words[size:], True
    if words:
        words[-1] = words[-1].rstrip(",")
    return [w for w in words if w]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def metric_id(name: str, taken: set[str]) -> str:
    """An id from the first words of ``name``, none of ``taken`` (``_2``, ``_3`` after
    one that is)."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:MOST_ID_WORDS]
    wanted = "_".join(words)[:MOST_ID_LENGTH].rstrip("_")
    wanted = wanted if wanted[:1].isalpha() else f"so_lieu_{wanted}".rstrip("_")
    found, number = wanted, 2
    while found in taken:
        found, number = f"{wanted}_{number}", number + 1
    return found


def sentence(text: str, start: int) -> str:
    """The sentence of ``text`` that holds ``start``: the metric's quote."""
    begin = 0
    for found in SENTENCE_END.finditer(text):
        if found.start() >= start:
            return text[begin : found.start()].strip()
        begin = found.end()
    return text[begin:].strip()
