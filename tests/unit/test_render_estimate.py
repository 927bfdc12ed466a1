"""The honest Retry-After (issue 31 point 4): how long until a render is done, from the renders ahead of it
in the fair order and how long recent renders took. Plain functions, a table of cases."""

from datetime import UTC, datetime, timedelta

import pytest

from toolkit.agendas.budget import (
    DEFAULT_SECONDS_PER_PAGE,
    MIN_RENDER_SECONDS,
    PendingRender,
    seconds_per_page,
    seconds_until_ready,
)

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def job(key, practice, pages=1, status="queued", ago=0, claimed_ago=None):
    return PendingRender(key=key, practice_id=practice, status=status, pages=pages,
                         created_at=NOW - timedelta(seconds=ago),
                         claimed_at=None if claimed_ago is None else NOW - timedelta(seconds=claimed_ago))


@pytest.mark.parametrize(("pending", "slots", "expected"), [
    ([job("me", "c", pages=4)], 1, 4.0),  # an idle queue: its own render only
    ([job("x", "a", pages=10, status="rendering", claimed_ago=2), job("me", "c", pages=4)], 1, 8 + 4),
    ([job("x", "a", pages=10, status="rendering", claimed_ago=2), job("me", "c", pages=4)], 2, 4 + 4),
    # A has three queued before mine: only its first goes ahead of C's first render (its turn).
    ([job("a1", "a", 6, ago=9), job("a2", "a", 6, ago=8), job("a3", "a", 6, ago=7), job("me", "c", 2)], 1, 6 + 2),
    # My second render waits for my first and two of every other practice's.
    ([job("a1", "a", 6, ago=9), job("a2", "a", 6, ago=8), job("a3", "a", 6, ago=7), job("c1", "c", 2, ago=5),
      job("me", "c", 2)], 1, 12 + 2 + 2),
    ([job("me", "c", pages=4, status="rendering", claimed_ago=3)], 1, 1.0),  # what is left of its own
    ([job("me", "c", pages=4, status="rendering", claimed_ago=30)], 1, MIN_RENDER_SECONDS),
])
def test_seconds_until_ready(pending, slots, expected):
    assert seconds_until_ready(pending, "me", per_page=1.0, slots=slots, now=NOW) == pytest.approx(expected)


@pytest.mark.parametrize(("samples", "expected"), [
    ([], DEFAULT_SECONDS_PER_PAGE),
    ([(3000, 3), (1000, 1)], 1.0),
    ([(500, 0)], 0.5),  # a zero-page estimate counts as one page
])
def test_seconds_per_page_learns_from_recent_renders(samples, expected):
    assert seconds_per_page(samples) == pytest.approx(expected)


def test_an_unknown_render_is_expected_soon():
    assert seconds_until_ready([], "gone", per_page=1.0, slots=1, now=NOW) == MIN_RENDER_SECONDS
