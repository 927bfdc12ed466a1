"""Text helpers shared by the areas. Plain Python."""

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, limit: int | None = None) -> str:
    """Lower-case ASCII letters and digits, every other run of characters one hyphen, none at either end;
    cut to `limit` characters when given. "" when nothing is left."""
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    return slug if limit is None else slug[:limit]


_TRANSLITERATE = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d",
    "Đ": "D", "þ": "th", "Þ": "TH",
})


def ascii_fold(text: str) -> str:
    """Latin letters without their accents ("Grüße" -> "Grusse"); other scripts and symbols are dropped."""
    text = text.translate(_TRANSLITERATE)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
