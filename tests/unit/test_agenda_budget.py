"""Agenda size estimates (toolkit/agendas/budget.py): checked before anything is rendered."""

from datetime import datetime, timedelta

import pytest

from tests.factories import BERLIN, make_doc, make_plan
from toolkit.agendas.budget import CHARS_PER_PAGE, estimated_pages, text_size


def plans(count, notes=""):
    start = datetime(2027, 4, 3, 9, tzinfo=BERLIN)
    return [make_plan(f"p{n}", f"Session {n}", start + timedelta(days=n), [("open", 10), ("close", 10)],
                      notes=notes) for n in range(count)]


@pytest.mark.parametrize("count", [0, 1, 5, 20])
def test_every_plan_adds_at_least_a_page(count):
    assert estimated_pages(make_doc(plans=plans(count), clearance=())) >= 1 + count


@pytest.mark.parametrize("audience", ["facilitator", "participant"])
def test_more_text_means_more_pages(audience):
    short = make_doc(plans=plans(3), audience=audience, clearance=())
    long = make_doc(plans=plans(3, notes="x" * 10 * CHARS_PER_PAGE), audience=audience, clearance=())
    if audience == "facilitator":  # plan notes are facilitator-only
        assert estimated_pages(long) >= estimated_pages(short) + 25
    else:
        assert estimated_pages(long) == estimated_pages(short)


def test_the_handout_is_never_longer_than_the_facilitator_agenda():
    for count in (1, 4, 12):
        assert (estimated_pages(make_doc(plans=plans(count), audience="participant"))
                <= estimated_pages(make_doc(plans=plans(count), audience="facilitator")))


def test_text_size_counts_notes_and_clearance():
    base = text_size(make_doc(plans=plans(2), clearance=()))
    assert text_size(make_doc(plans=plans(2, notes="n" * 1000), clearance=())) == base + 2000
    assert text_size(make_doc(plans=plans(2))) > base
