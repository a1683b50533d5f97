"""Words a paper a woman may carry or show (a certificate, her progress report) never holds:
what names the centre's case work. Matched after folding case and punctuation away, so
"Rumah-Aman", "K.D.R.T" and "rumah  aman" are caught as "rumah aman" and "kdrt" are."""

from __future__ import annotations

import re
import unicodedata

# lower case, words separated by single spaces
REVEALING = ("kdrt", "kekerasan", "violence", "violent", "survivor", "penyintas", "shelter",
             "rumah aman", "korban", "abuse", "rumah perlindungan", "pusat krisis", "crisis",
             "p2tp2a", "uptd ppa", "trauma")
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")


def _folded(value: str) -> str:
    """Lower case, accents off, every run of non-letters one space."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NOT_LETTERS.sub(" ", plain.casefold()).strip()


def _letter_runs(tokens: list[str]) -> list[str]:
    """Letters written apart ("k d r t", from "K.D.R.T" or "K D R T") joined again."""
    runs, current = [], ""
    for token in (*tokens, ""):
        if 0 < len(token) <= 2:
            current += token
            continue
        if len(current) > 2:
            runs.append(current)
        current = ""
    return runs


def revealing(value: str) -> bool:
    """``value`` holds one of the words: in any case, accented or not, with any punctuation
    between or inside its words ("Rumah-Aman", "RumahAman", "K.D.R.T")."""
    folded = _folded(value)
    tokens = folded.split()
    pieces = [folded, *tokens, *_letter_runs(tokens)]
    for word in REVEALING:
        squeezed = word.replace(" ", "")
        if word in folded or any(squeezed in piece for piece in pieces[1:]):
            return True
    return False
