"""The pure rules of alerts and webhooks, as tables of cases."""

from datetime import UTC, date, datetime, timedelta

import pytest

from toolkit.alerts.rules import ResolveRefusal, check_resolve, follow_up_due, is_crisis, note_unsigned, screening_due
from toolkit.webhooks.rules import UrlRefused, address_refused, check_url, next_attempt, should_disable

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
LONG = "A reason of well over twenty characters."


@pytest.mark.parametrize("flags, outcome, expected", [
    ([{"flag": "acute_crisis", "level": "defer"}], "defer", True),
    ([{"flag": "acute_crisis", "level": "refer"}], "refer", True),
    ([{"flag": "acute_crisis", "level": "info"}], "clear", False),
    ([], "defer", True),  # a defer by override or assessment
    ([{"flag": "dissociation", "level": "caution"}], "caution", False),
    ([], "clear", False),
])
def test_is_crisis(flags, outcome, expected):
    assert is_crisis(computed_flags=flags, outcome=outcome) is expected


@pytest.mark.parametrize("kind, reason, lead, status", [
    ("crisis", LONG, True, None),
    ("crisis", LONG, False, 403),
    ("crisis", "short reason", True, 422),
    ("crisis", "   " + "x" * 19 + "   ", True, 422),  # 19 once trimmed
    ("deterioration", LONG, False, 403),
    ("deterioration", "x" * 20, True, None),
    ("follow_up_due", "done", False, None),
    ("note_unsigned", "  ", False, 422),
    ("webhook_disabled", "fixed the endpoint", False, None),
])
def test_check_resolve(kind, reason, lead, status):
    if status is None:
        check_resolve(kind=kind, status="open", reason=reason, clinical_lead=lead)
    else:
        with pytest.raises(ResolveRefusal) as caught:
            check_resolve(kind=kind, status="open", reason=reason, clinical_lead=lead)
        assert caught.value.status == status


REVIEWED = datetime(2026, 12, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize("follow_up_on, newest, today, expected", [
    (date(2026, 12, 5), None, date(2026, 12, 5), True),
    (date(2026, 12, 5), None, date(2026, 12, 4), False),
    (date(2026, 12, 5), REVIEWED - timedelta(days=1), date(2026, 12, 6), True),  # only older screenings
    (date(2026, 12, 5), REVIEWED + timedelta(days=1), date(2026, 12, 6), False),  # a newer screening
])
def test_follow_up_due(follow_up_on, newest, today, expected):
    assert follow_up_due(follow_up_on=follow_up_on, reviewed_at=REVIEWED, newest_screening_at=newest,
                         today=today) is expected


@pytest.mark.parametrize("starts_in, valid_for, expected", [
    (timedelta(days=3), None, True),  # no screening
    (timedelta(days=3), timedelta(days=1), True),  # expires before the session
    (timedelta(days=3), timedelta(days=30), False),
    (timedelta(days=8), None, False),  # beyond 7 days
    (timedelta(days=-1), None, False),  # already started
])
def test_screening_due(starts_in, valid_for, expected):
    starts = NOW + starts_in
    assert screening_due(session_starts_at=starts, session_ends_at=starts + timedelta(hours=2),
                         valid_until=NOW + valid_for if valid_for else None, now=NOW) is expected


@pytest.mark.parametrize("status, ended_ago, expected", [
    ("draft", timedelta(hours=72), True), ("draft", timedelta(hours=71), False), ("signed", timedelta(days=9), False),
])
def test_note_unsigned(status, ended_ago, expected):
    assert note_unsigned(status=status, session_ends_at=NOW - ended_ago, session_starts_at=None, now=NOW) is expected


@pytest.mark.parametrize("address, refused", [
    ("93.184.216.34", False), ("2606:2800:220:1:248:1893:25c8:1946", False),
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("169.254.169.254", True), ("fe80::1", True),
    ("10.0.0.1", True), ("172.16.5.4", True), ("192.168.1.1", True), ("100.64.0.1", True), ("0.0.0.0", True),
    ("224.0.0.1", True), ("ff02::1", True), ("240.0.0.1", True), ("::ffff:169.254.169.254", True),
    ("::ffff:127.0.0.1", True), ("64:ff9b::a9fe:a9fe", True), ("2002:a9fe:a9fe::1", True), ("fd00::1", True),
])
def test_address_refused(address, refused):
    assert (address_refused(address) is not None) is refused


@pytest.mark.parametrize("url, private, ok", [
    ("https://hooks.example.org/x", False, True), ("http://hooks.example.org/x", False, False),
    ("http://127.0.0.1:8080/x", True, True), ("ftp://hooks.example.org/", True, False),
    ("https://u:p@hooks.example.org/", False, False), ("https:///nohost", False, False),
    ("https://hooks.example.org:99999/", False, False),
])
def test_check_url(url, private, ok):
    if ok:
        check_url(url, allow_private=private)
    else:
        with pytest.raises(UrlRefused):
            check_url(url, allow_private=private)


def test_next_attempt_doubles_from_30_seconds_up_to_4_hours_for_a_day():
    made, now, waits = NOW, NOW, []
    for attempts in range(1, 40):
        at = next_attempt(attempts=attempts, created_at=made, now=now)
        if at is None:
            break
        waits.append(at - now)
        now = at
    assert waits[:4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert max(waits) == timedelta(hours=4) and now <= made + timedelta(days=1)
    assert now + timedelta(hours=4) > made + timedelta(days=1)


@pytest.mark.parametrize("failures, limit, gave_up, expected", [(2, 3, False, False), (3, 3, False, True),
                                                               (1, 15, True, True)])
def test_should_disable(failures, limit, gave_up, expected):
    assert should_disable(consecutive_failures=failures, max_failures=limit, gave_up=gave_up) is expected
