from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PaginationMetadata")



@_attrs_define
class PaginationMetadata:
    """ What `X-Pagination` holds (JSON text): every key on every page, `previous_page` and `next_page` null at the
    ends. A page past the end is still named (with no items), and its `previous_page` is the last page.

        Attributes:
            total (int): Items in the whole list.
            total_pages (int): Pages of `page_size` items (0 for an empty list).
            first_page (int): Always 1.
            last_page (int): The last page with items (1 for an empty list).
            page (int): The page answered.
            previous_page (int | None): null on the first page.
            next_page (int | None): null on the last page and past it.
     """

    total: int
    total_pages: int
    first_page: int
    last_page: int
    page: int
    previous_page: int | None
    next_page: int | None





    def to_dict(self) -> dict[str, Any]:
        total = self.total

        total_pages = self.total_pages

        first_page = self.first_page

        last_page = self.last_page

        page = self.page

        previous_page: int | None
        previous_page = self.previous_page

        next_page: int | None
        next_page = self.next_page


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "total": total,
            "total_pages": total_pages,
            "first_page": first_page,
            "last_page": last_page,
            "page": page,
            "previous_page": previous_page,
            "next_page": next_page,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        total_pages = d.pop("total_pages")

        first_page = d.pop("first_page")

        last_page = d.pop("last_page")

        page = d.pop("page")

        def _parse_previous_page(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_page = _parse_previous_page(d.pop("previous_page"))


        def _parse_next_page(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_page = _parse_next_page(d.pop("next_page"))


        pagination_metadata = cls(
            total=total,
            total_pages=total_pages,
            first_page=first_page,
            last_page=last_page,
            page=page,
            previous_page=previous_page,
            next_page=next_page,
        )

        return pagination_metadata

