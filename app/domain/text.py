"""Text normalisation for case- and keyboard-layout-insensitive customer search (issue: intake).

``search_key`` is what is stored next to a name; ``query_variants`` is what a typed query is
turned into: the text as typed and as if typed on the other keyboard layout (ЙЦУКЕН ↔ QWERTY),
so that "ромашка", "Ромашка" and "hjvfirf" all find «Ромашка».
"""

from __future__ import annotations

import re

_EN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
_RU = "ёйцукенгшщзхъфывапролджэячсмитьбю"
_EN_TO_RU = str.maketrans(_EN, _RU)
_RU_TO_EN = str.maketrans(_RU, _EN)
_NON_WORD = re.compile(r"[^0-9a-zа-я@.+]+")


def search_key(text: str | None) -> str:
    """Lower-case, ё→е, punctuation and quotes folded to single spaces; words kept in order."""
    if not text:
        return ""
    folded = text.casefold().replace("ё", "е")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def query_variants(query: str) -> list[str]:
    """The query's search keys as typed and in the other keyboard layout, without repeats."""
    raw = query.casefold()
    variants = [
        search_key(raw),
        search_key(raw.translate(_EN_TO_RU)),
        search_key(raw.translate(_RU_TO_EN)),
    ]
    seen: list[str] = []
    for v in variants:
        if v and v not in seen:
            seen.append(v)
    return seen


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
