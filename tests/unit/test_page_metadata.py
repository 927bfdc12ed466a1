"""X-Pagination (issue 34 point 6): every key on every page, null at the ends, a page past the end still named."""

import pytest

from toolkit.common.pagination import page_metadata


@pytest.mark.parametrize("page, size, count, expected", [
    (1, 10, 0, {"total": 0, "total_pages": 0, "first_page": 1, "last_page": 1, "page": 1, "previous_page": None,
                "next_page": None}),
    (1, 10, 25, {"total": 25, "total_pages": 3, "first_page": 1, "last_page": 3, "page": 1, "previous_page": None,
                 "next_page": 2}),
    (2, 10, 25, {"total": 25, "total_pages": 3, "first_page": 1, "last_page": 3, "page": 2, "previous_page": 1,
                 "next_page": 3}),
    (3, 10, 25, {"total": 25, "total_pages": 3, "first_page": 1, "last_page": 3, "page": 3, "previous_page": 2,
                 "next_page": None}),
    (9, 10, 25, {"total": 25, "total_pages": 3, "first_page": 1, "last_page": 3, "page": 9, "previous_page": 3,
                 "next_page": None}),
    (1, 5, 5, {"total": 5, "total_pages": 1, "first_page": 1, "last_page": 1, "page": 1, "previous_page": None,
               "next_page": None}),
])
def test_page_metadata(page, size, count, expected):
    assert page_metadata(page, size, count) == expected
