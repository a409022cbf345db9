"""Pinyin initials of Chinese text, for finding a name by typing ``zs`` for 张三.

GB2312 orders its 3,755 level-1 characters (the common ones, nearly every name and
department) by pinyin, so the first letter of a character's reading follows from where its
code falls between 23 boundaries. Rarer characters (GB2312 level 2 and beyond) give no
letter; characters with two readings (长 in 护士长 and in 长青, surnames such as 单 and 曾)
and some common name characters outside level 1 are listed by hand, with every initial they
may have. This keeps the desk free of a pinyin dictionary for a search that needs one letter
per character.
"""

from __future__ import annotations

from bisect import bisect_right

# The first level-1 GB2312 code (high byte × 256 + low byte) of each initial letter.
_STARTS = (
    (0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"), (0xB7A2, "f"),
    (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"), (0xC0AC, "l"), (0xC2E8, "m"),
    (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"), (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"),
    (0xCBFA, "t"), (0xCDDA, "w"), (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z"),
)  # fmt: skip
_LAST = 0xD7F9  # the last level-1 character
_CODES = [code for code, _ in _STARTS]
# Every initial a character may be read with, where GB2312's order gives only one or none.
_BY_HAND = {
    "长": "cz", "单": "sd", "解": "xj", "仇": "qc", "朴": "pp", "区": "oq", "查": "zc",
    "曾": "zc", "盖": "gg", "尉": "yw", "乐": "yl", "重": "zc", "行": "xh", "朝": "zc",
    "缪": "m", "翟": "z", "瞿": "q", "芮": "r", "昊": "h", "晔": "y", "玥": "y", "琪": "q",
    "瑾": "j", "珺": "j", "婧": "j", "璐": "l", "钰": "y", "炜": "w", "冯": "f",
}  # fmt: skip


def initial_choices(char: str) -> str:
    """The initials ``char`` may be read with ("" when unknown); an ASCII letter or digit
    stands for itself, lower-cased."""
    if char in _BY_HAND:
        return _BY_HAND[char]
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(encoded) != 2:
        return ""
    code = encoded[0] * 256 + encoded[1]
    if not _CODES[0] <= code <= _LAST:
        return ""
    return _STARTS[bisect_right(_CODES, code) - 1][1]


def initials_match(query: str, text: str) -> bool:
    """Whether ``query`` (letters, any case) is the initials of a run of ``text``'s
    characters: ``zs``, ``hsz`` and ``sz`` all match 护士长张三."""
    wanted = query.strip().lower()
    if not wanted or not wanted.isascii():
        return False
    choices = [initial_choices(char) for char in text if not char.isspace()]
    for start in range(len(choices) - len(wanted) + 1):
        if all(letter in choices[start + k] for k, letter in enumerate(wanted)):
            return True
    return False
