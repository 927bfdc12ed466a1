from datetime import UTC, date, datetime, timedelta

import pytest

from toolkit.notifications.rules import (
    ALERT_KINDS,
    MAX_ATTEMPTS,
    DigestCounts,
    Recipient,
    SmtpSettings,
    alert_email,
    alert_recipients,
    digest_email,
    effective_kinds,
    next_attempt_at,
    parse_smtp_url,
    preference_problems,
    transient,
    wants_alert,
    week_key,
)

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("url,expected", [
    ("smtp://user:pass@mail.example.org:587?starttls=true",
     SmtpSettings("mail.example.org", 587, False, True, "user", "pass", 20.0)),
    ("smtp://mail.example.org?starttls=true", SmtpSettings("mail.example.org", 587, False, True, None, None, 20.0)),
    ("smtp://127.0.0.1", SmtpSettings("127.0.0.1", 25, False, False, None, None, 20.0)),
    ("smtps://a%40b.org:p%40ss%2Fw@mail.example.org", SmtpSettings("mail.example.org", 465, True, False, "a@b.org",
                                                                  "p@ss/w", 20.0)),
    ("SMTP://h:2525?timeout=3&starttls=false", SmtpSettings("h", 2525, False, False, None, None, 3.0)),
])
def test_parse_smtp_url(url, expected):
    assert parse_smtp_url(url) == expected


@pytest.mark.parametrize("url,words", [
    ("http://mail.example.org", "smtp://"),
    ("smtp://", "no host"),
    ("smtps://h?starttls=true", "TLS already"),
    ("smtp://h?tls=1", "unknown parameters"),
    ("smtp://h:port", "SMTP_URL"),
    ("smtp://h?timeout=soon", "SMTP_URL"),
])
def test_parse_smtp_url_refuses(url, words):
    with pytest.raises(ValueError, match=words):
        parse_smtp_url(url)


@pytest.mark.parametrize("attempts,delay", [(1, 60), (2, 300), (3, 1800), (7, 12 * 3600), (MAX_ATTEMPTS, None)])
def test_backoff(attempts, delay):
    expected = None if delay is None else NOW + timedelta(seconds=delay)
    assert next_attempt_at(attempts, NOW) == expected


def test_retries_last_about_a_day():
    total = sum((next_attempt_at(n, NOW) - NOW).total_seconds() for n in range(1, MAX_ATTEMPTS))  # type: ignore
    assert 18 * 3600 <= total <= 30 * 3600


@pytest.mark.parametrize("code,expected", [(None, True), (421, True), (451, True), (550, False), (554, False)])
def test_transient(code, expected):
    assert transient(code) is expected


@pytest.mark.parametrize("kinds,lead,field", [
    (["crisis"], True, False),
    ([], True, True),
    (["deterioration"], True, True),
    ([], False, False),
    (["crisis", "gossip"], False, True),
])
def test_preference_problems(kinds, lead, field):
    assert ("alert_kinds" in preference_problems(kinds, clinical_lead=lead)) is field


@pytest.mark.parametrize("chosen,lead,expected", [
    (None, False, list(ALERT_KINDS)),
    (["webhook_disabled"], False, ["webhook_disabled"]),
    ([], False, []),
    ([], True, ["crisis"]),
    (["note_unsigned", "deterioration"], False, ["deterioration", "note_unsigned"]),
])
def test_effective_kinds(chosen, lead, expected):
    assert effective_kinds(chosen, clinical_lead=lead) == expected


@pytest.mark.parametrize("kind,chosen,lead,expected", [
    ("crisis", [], True, True),
    ("crisis", [], False, False),
    ("crisis", None, False, True),
    ("webhook_disabled", None, False, True),  # a kind this list does not know: every kind until one chooses
    ("webhook_disabled", ["crisis"], True, False),
])
def test_wants_alert(kind, chosen, lead, expected):
    assert wants_alert(kind, chosen=chosen, clinical_lead=lead) is expected


def test_alert_recipients_once_each_with_their_choice():
    a = Recipient("a", "a@x.org", True, False)
    b = Recipient("b", "b@x.org", False, True)
    a_facilitates = Recipient("a", "a@x.org", False, True)
    result = alert_recipients("crisis", [b, a, a_facilitates], {"b": ["deterioration"]})
    assert result == [Recipient("a", "a@x.org", True, True)]
    assert [r.therapist_id for r in alert_recipients("deterioration", [a, b], {})] == ["a", "b"]


@pytest.mark.parametrize("day,key", [(date(2026, 12, 7), "2026-W50"), (date(2027, 1, 1), "2026-W53"),
                                     (date(2027, 1, 4), "2027-W01")])
def test_week_key(day, key):
    assert week_key(day) == key


def test_texts_name_the_kind_practice_and_link_only():
    email = alert_email(kind="follow_up_due", practice_name="Hillside", link="https://t/api/v1/alerts/1",
                        raised_at=NOW, preferences_url="https://t/p", recipient=Recipient("a", "a@x.org", False, True))
    assert email.subject == "Hillside: new crisis review follow-up due alert"
    assert "https://t/api/v1/alerts/1" in email.body and email.link == "https://t/api/v1/alerts/1"
    assert "as a facilitator of the group concerned" in email.body
    admin = alert_email(kind="webhook_disabled", practice_name="Hillside", link="L", raised_at=NOW,
                        preferences_url="P", recipient=Recipient("b", "b@x.org", False, False, admin=True))
    assert admin.subject == "Hillside: new webhook switched off alert" and "as an admin" in admin.body
    digest = digest_email(practice_name="Hillside", week="2026-W50", counts=DigestCounts(2, 0, 1),
                          links={"alerts": "A", "screenings_due": "S", "notes": "N", "preferences": "P"})
    assert "Open alerts: 2" in digest.body and "unsigned: 1" in digest.body
    assert DigestCounts(0, 0, 0).empty and not DigestCounts(0, 1, 0).empty


def test_an_unreadable_smtp_url_stops_the_start():
    from toolkit.config import Config, ConfigError

    with pytest.raises(ConfigError, match="smtp://"):
        Config(SMTP_URL="mail.example.org:587").check()
    Config(SMTP_URL="smtps://u:p@mail.example.org").check()
    Config(SMTP_URL=None).check()


def test_a_subject_stays_on_one_line():
    email = alert_email(kind="crisis", practice_name="Hill\r\nBcc: evil@example.org", link="L", raised_at=NOW,
                        preferences_url="P", recipient=Recipient("a", "a@x.org", True, False))
    assert email.subject == "Hill Bcc: evil@example.org: new crisis alert"
