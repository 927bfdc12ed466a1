"""Text helpers shared by the areas. Plain Python."""

import re

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, limit: int | None = None) -> str:
    """Lower-case ASCII letters and digits, every other run of characters one hyphen, none at either end;
    cut to `limit` characters when given. "" when nothing is left."""
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    return slug if limit is None else slug[:limit]
