"""`X-Pagination`, the one pagination metadata of every list: its schema and its arithmetic."""

from marshmallow import Schema, fields


class PaginationMetadataSchema(Schema):
    """What `X-Pagination` holds (JSON text): every key on every page, `previous_page` and `next_page` null at the
    ends. A page past the end is still named (with no items), and its `previous_page` is the last page."""

    class Meta:
        response = True

    total = fields.Integer(metadata={"description": "Items in the whole list."})
    total_pages = fields.Integer(metadata={"description": "Pages of `page_size` items (0 for an empty list)."})
    first_page = fields.Integer(metadata={"description": "Always 1."})
    last_page = fields.Integer(metadata={"description": "The last page with items (1 for an empty list)."})
    page = fields.Integer(metadata={"description": "The page answered."})
    previous_page = fields.Integer(allow_none=True, metadata={"description": "null on the first page."})
    next_page = fields.Integer(allow_none=True, metadata={"description": "null on the last page and past it."})


def page_metadata(page: int, page_size: int, item_count: int) -> dict:
    """The X-Pagination of one page (plain arithmetic, tested directly)."""
    total_pages = (item_count + page_size - 1) // page_size
    last_page = max(total_pages, 1)
    return {"total": item_count, "total_pages": total_pages, "first_page": 1, "last_page": last_page,
            "page": page, "previous_page": min(page - 1, last_page) if page > 1 else None,
            "next_page": page + 1 if page < total_pages else None}
