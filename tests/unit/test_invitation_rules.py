"""The pure rules of invitations and agreements (issue 30), as tables."""

from datetime import UTC, date, datetime, timedelta

import pytest

from toolkit.agreements import rules as agreement_rules
from toolkit.invitations import rules

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)
LATER = NOW + timedelta(days=7)


@pytest.mark.parametrize(("moments", "expected"), [
    (rules.Moments(expires_at=LATER), "sent"),
    (rules.Moments(expires_at=LATER, opened_at=NOW), "opened"),
    (rules.Moments(expires_at=NOW), "expired"),  # expiry is exclusive
    (rules.Moments(expires_at=NOW - timedelta(seconds=1), opened_at=NOW), "expired"),
    (rules.Moments(expires_at=NOW - timedelta(days=1), completed_at=NOW), "completed"),  # completed stays
    (rules.Moments(expires_at=LATER, completed_at=NOW, revoked_at=NOW), "revoked"),
    (rules.Moments(expires_at=LATER, revoked_at=NOW), "revoked"),
])
def test_status(moments, expected):
    assert rules.status(moments, NOW) == expected
    assert rules.usable(moments, NOW) is (expected in ("sent", "opened"))


@pytest.mark.parametrize(("contact", "email"), [
    (None, None), ("", None), ("phone 0123 456", None), ("pat@example.org", "pat@example.org"),
    ("Phone 0123; Pat <pat.o'neil+x@mail.example.co.uk>", "pat.o'neil+x@mail.example.co.uk"),
    ("not an address: pat@localhost", None),
])
def test_email_in_contact(contact, email):
    assert rules.email_in(contact) == email


def test_hash_is_sha256_hex_and_tokens_are_bounded():
    assert len(rules.hash_token("abc")) == 64 and rules.hash_token("abc") != rules.hash_token("abd")
    assert rules.plausible_token("a" * 43) and not rules.plausible_token("") and not rules.plausible_token("a" * 201)


@pytest.mark.parametrize(("created", "expires", "now", "reminded", "due"), [
    (NOW, NOW + timedelta(days=7), NOW + timedelta(days=2), None, False),
    (NOW, NOW + timedelta(days=7), NOW + timedelta(days=3), None, True),  # after three days
    (NOW, NOW + timedelta(days=2), NOW + timedelta(days=1), None, True),  # halfway, when that is sooner
    (NOW, NOW + timedelta(days=2), NOW + timedelta(hours=23), None, False),
    (NOW, NOW + timedelta(days=7), NOW + timedelta(days=4), NOW, False),  # once only
    (NOW, NOW + timedelta(days=7), NOW + timedelta(days=7), None, False),  # expired
])
def test_reminder_due(created, expires, now, reminded, due):
    assert rules.reminder_due(created_at=created, reminded_at=reminded, still_open=True, now=now,
                              expires_at=expires) is due


@pytest.mark.parametrize(("starts_in", "days"), [
    (timedelta(hours=3), 1), (timedelta(days=2, hours=23), 3), (timedelta(days=3), 3), (timedelta(days=30), 14)])
def test_scheduled_invitations_stay_open_until_the_session(starts_in, days):
    assert rules.invitation_days(now=NOW, session_starts_at=NOW + starts_in) == days


V1, V2 = datetime(2027, 1, 10, 9, tzinfo=UTC), datetime(2027, 2, 10, 9, tzinfo=UTC)


@pytest.mark.parametrize(("on", "expected"), [
    (date(2027, 1, 9), None), (date(2027, 1, 10), "v1"), (date(2027, 2, 9), "v1"), (date(2027, 2, 10), "v2"),
    (date(2030, 1, 1), "v2")])
def test_agreement_in_force(on, expected):
    assert agreement_rules.in_force([("v2", V2), ("v1", V1)], on) == expected


def test_unsigned_keeps_order_once_each():
    assert agreement_rules.unsigned(["a", "b", "a", "c"], ["b"]) == ["a", "c"]
