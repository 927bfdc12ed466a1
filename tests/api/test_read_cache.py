"""Cached GET answers (toolkit/read_cache.py) and the practice data versions that key them
(toolkit/versioning.py): a hit is served without rebuilding, and never after a change. The whole suite runs
with the cache on, and tests/conftest.py fails any test whose writes commit without moving a version."""

import gzip
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select, text

from tests.factories import module_payload
from tests.helpers import answers_for
from toolkit.auth.models import Practice
from toolkit.extensions import db
from toolkit.read_cache import Entry, ReadCache, store
from toolkit.screening.clearance import holds_until
from toolkit.tenancy import across_practices

API = "/api/v1"
MODULES = f"{API}/modules?category=exercise&intensity=gentle"


@pytest.fixture
def statements(app):
    """statements() -> a list that collects every SQL statement run from then on."""
    seen: list[list[str]] = []

    def start():
        seen.append([])
        return seen[-1]

    with app.app_context():
        engine = db.engine

    def before(conn, cursor, statement, *args):
        if seen:
            seen[-1].append(statement)

    event.listen(engine, "before_cursor_execute", before)
    yield start
    event.remove(engine, "before_cursor_execute", before)


def version_of(app, practice_id):
    with app.app_context(), across_practices(db.session):
        return db.session.scalar(select(Practice.data_version).where(Practice.id == practice_id))


def test_a_repeated_read_is_served_without_rebuilding(client, admin, statements):
    first = client.get(MODULES, headers=admin["headers"])
    assert first.status_code == 200
    seen = statements()
    again = client.get(MODULES, headers=admin["headers"])
    assert again.status_code == 200
    assert again.get_data() == first.get_data()
    assert again.headers["X-Pagination"] == first.headers["X-Pagination"]
    assert len(seen) == 1 and "login_sessions" in seen[0]  # only the login, which every request checks
    assert again.headers["X-Request-ID"] != first.headers["X-Request-ID"]  # per-request headers stay fresh


def test_no_cache_builds_the_answer_from_the_database(client, admin, statements):
    client.get(MODULES, headers=admin["headers"])
    seen = statements()
    again = client.get(MODULES, headers={**admin["headers"], "Cache-Control": "no-cache"})
    assert again.status_code == 200 and len(seen) > 1


def test_a_write_is_seen_by_the_next_read(client, admin):
    before = client.get(f"{API}/modules?source=custom", headers=admin["headers"]).get_json()
    assert before == []
    created = client.post(f"{API}/modules", headers=admin["headers"], json=module_payload(title="Fresh one"))
    assert created.status_code == 201
    after = client.get(f"{API}/modules?source=custom", headers=admin["headers"]).get_json()
    assert [m["title"] for m in after] == ["Fresh one"]


def test_a_changed_participant_is_never_served_stale(client, admin, create_participant):
    person = create_participant(display_name="Before")
    url = f"{API}/participants/{person['id']}"
    first = client.get(url, headers=admin["headers"])
    r = client.patch(url, headers={**admin["headers"], "If-Match": first.headers["ETag"]},
                     json={"display_name": "After"})
    assert r.status_code == 200
    again = client.get(url, headers=admin["headers"])
    assert again.get_json()["display_name"] == "After"
    assert again.headers["ETag"] == r.headers["ETag"] != first.headers["ETag"]


def test_every_cached_participant_read_is_still_audited(client, admin, create_participant):
    person = create_participant()
    for _ in range(3):
        assert client.get(f"{API}/participants/{person['id']}", headers=admin["headers"]).status_code == 200
    events = client.get(f"{API}/audit-events", headers=admin["headers"],
                        query_string={"record_id": person["id"], "action": "read", "page_size": 100}).get_json()
    assert len([e for e in events if e["record_type"] == "participant"]) == 3


def test_a_failed_write_moves_no_version(app, client, admin):
    before = version_of(app, admin["practice_id"])
    r = client.post(f"{API}/modules", headers=admin["headers"], json=module_payload(min_minutes=50, max_minutes=10))
    assert r.status_code == 422
    assert version_of(app, admin["practice_id"]) == before
    r = client.post(f"{API}/participants", headers=admin["headers"], json={"display_name": "New"})
    assert r.status_code == 201
    assert version_of(app, admin["practice_id"]) == before + 1


def test_reads_and_their_audit_events_move_no_version(app, client, admin, create_participant):
    person = create_participant()
    before = version_of(app, admin["practice_id"])
    client.get(f"{API}/participants/{person['id']}", headers=admin["headers"])
    client.get(f"{API}/participants/{person['id']}", headers={**admin["headers"], "Cache-Control": "no-cache"})
    assert version_of(app, admin["practice_id"]) == before


def test_one_practice_writing_leaves_the_others_version(app, client, admin, other):
    mine = version_of(app, admin["practice_id"])
    client.post(f"{API}/participants", headers=other["headers"], json={"display_name": "Theirs"})
    assert version_of(app, admin["practice_id"]) == mine


def test_statements_through_the_session_move_the_version(app, admin):
    """Not only the ORM's flush: an UPDATE statement run through the session moves it too."""
    from sqlalchemy import update

    from toolkit.participants.models import Participant
    from toolkit.tenancy import set_practice

    before = version_of(app, admin["practice_id"])
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        db.session.execute(update(Participant).values(notes="bulk"))
        db.session.commit()
    assert version_of(app, admin["practice_id"]) == before + 1


def test_the_seed_moves_every_practice(app, admin, other):
    """Built-in modules belong to every practice's library."""
    from toolkit.exercises.models import ExerciseModule

    versions = (version_of(app, admin["practice_id"]), version_of(app, other["practice_id"]))
    with app.app_context(), across_practices(db.session):
        module = db.session.scalars(select(ExerciseModule).where(ExerciseModule.practice_id.is_(None))).first()
        module.summary = module.summary + " (revised)"
        db.session.commit()
    assert (version_of(app, admin["practice_id"]), version_of(app, other["practice_id"])) == (
        versions[0] + 1, versions[1] + 1)


def test_another_login_does_not_share_an_entry(client, admin, auth_headers, statements):
    client.get(MODULES, headers=admin["headers"])
    second = auth_headers(admin["email"])
    seen = statements()
    assert client.get(MODULES, headers=second).status_code == 200
    assert len(seen) > 1


def test_a_hit_is_compressed_once_and_served_as_gzip(app, client, admin):
    plain = client.get(MODULES, headers=admin["headers"])
    zipped = [client.get(MODULES, headers={**admin["headers"], "Accept-Encoding": "gzip"}) for _ in range(2)]
    for r in zipped:
        assert r.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(r.get_data()) == plain.get_data()
        assert "Accept-Encoding" in r.headers["Vary"]
    assert zipped[0].get_data() == zipped[1].get_data()  # the kept body, not compressed again
    identity = client.get(MODULES, headers={**admin["headers"], "Accept-Encoding": "identity"})
    assert "Content-Encoding" not in identity.headers and identity.get_data() == plain.get_data()


def test_clearance_shows_a_new_screening_at_once(client, admin, create_group, create_participant):
    form = client.get(f"{API}/screening/form", headers=admin["headers"]).get_json()
    group = create_group()
    person = create_participant()
    client.post(f"{API}/groups/{group['id']}/members", headers=admin["headers"], json={"participant_id": person["id"]})
    mods = {m["slug"]: m for m in client.get(f"{API}/modules", headers=admin["headers"],
                                              query_string={"page_size": 100}).get_json()}
    soon = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0).isoformat()
    plan = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Day", "group_id": group["id"], "starts_at": soon,
        "items": [{"module_id": mods["opening-check-in"]["id"], "minutes": 10}]}).get_json()
    url = f"{API}/plans/{plan['id']}/clearance"
    assert client.get(url, headers=admin["headers"]).get_json()["status"] == "blocked"  # not screened
    r = client.post(f"{API}/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form)})
    assert r.status_code == 201
    assert client.get(url, headers=admin["headers"]).get_json()["status"] == "clear"


def test_a_cached_clearance_never_outlives_a_screening_expiry(app, client, admin, create_group, create_participant):
    """No write happens, only time passes: the entry ends when the screening expires (a plan that has ended
    is judged now)."""
    form = client.get(f"{API}/screening/form", headers=admin["headers"]).get_json()
    group = create_group()
    person = create_participant()
    client.post(f"{API}/groups/{group['id']}/members", headers=admin["headers"], json={"participant_id": person["id"]})
    screening = client.post(f"{API}/participants/{person['id']}/screenings", headers=admin["headers"],
                            json={"form_version": form["version"], "answers": answers_for(form)}).get_json()
    module = client.get(f"{API}/modules", headers=admin["headers"]).get_json()[0]
    held = (datetime.now(UTC) - timedelta(days=2)).replace(microsecond=0).isoformat()
    plan = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Held", "group_id": group["id"], "starts_at": held,
        "items": [{"module_id": module["id"], "minutes": module["default_minutes"]}]}).get_json()
    expires = datetime.now(UTC) + timedelta(seconds=1.5)
    with app.app_context(), across_practices(db.session):
        db.session.execute(text("UPDATE screenings SET valid_until = :v WHERE id = :id"),
                           {"v": expires.replace(tzinfo=None) if db.engine.dialect.name == "sqlite" else expires,
                            "id": screening["id"]})
        db.session.execute(text("UPDATE group_members SET joined_on = :d WHERE group_id = :g"),
                           {"d": (datetime.now(UTC) - timedelta(days=10)).date(), "g": group["id"]})
        db.session.execute(text("UPDATE practices SET data_version = data_version + 1 WHERE id = :p"),
                           {"p": admin["practice_id"]})
        db.session.commit()
    url = f"{API}/plans/{plan['id']}/clearance"
    first = client.get(url, headers=admin["headers"]).get_json()
    assert [p["participant_id"] for p in first["participants"]] == [person["id"]] and first["status"] != "blocked"
    time.sleep(max(0.0, (expires - datetime.now(UTC)).total_seconds()) + 0.1)
    later = client.get(url, headers=admin["headers"]).get_json()
    assert later["status"] == "blocked" and later["missing_screenings"] == [person["id"]]


# --- the pure parts ---------------------------------------------------------------------------------------


def test_holds_until_is_the_first_expiry_or_the_next_day():
    now = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    soon, later, past = (now + timedelta(hours=2)), (now + timedelta(days=30)), (now - timedelta(days=1))
    people = [{"valid_until": later.isoformat()}, {"valid_until": soon.isoformat()},
              {"valid_until": past.isoformat()}, {"valid_until": None}]
    assert holds_until(people, now) == soon
    assert holds_until([{"valid_until": later.isoformat()}], now) == datetime(2026, 12, 2, tzinfo=UTC)
    assert holds_until([], now) == datetime(2026, 12, 2, tzinfo=UTC)


def test_the_cache_is_bounded_by_count_and_bytes():
    cache = ReadCache(entries=3, max_bytes=8000, seconds=60)
    far = time.monotonic() + 60
    for n in range(5):
        cache.put(("k", n), Entry(body=b"x" * 100, headers=[], expires=far))
    assert len(cache) == 3 and cache.get(("k", 0)) is None and cache.get(("k", 4)) is not None
    cache.put(("big",), Entry(body=b"x" * 1001, headers=[], expires=far))  # over an eighth of the bytes
    assert cache.get(("big",)) is None
    cache.put(("old",), Entry(body=b"x", headers=[], expires=time.monotonic() - 1))
    assert cache.get(("old",)) is None


def test_the_cache_can_be_turned_off(make_config):
    from toolkit import create_app

    app = create_app(make_config(READ_CACHE_ENTRIES=0))
    assert store(app) is None


def test_the_write_guard_catches_a_write_that_moves_no_version(app, admin):
    """The suite-wide guard in tests/conftest.py can fail: a raw write with no version move is reported."""
    from tests import conftest

    with app.app_context(), across_practices(db.session):
        db.session.execute(text("UPDATE participants SET notes = 'raw' WHERE practice_id = :p"),
                           {"p": admin["practice_id"]})
        db.session.commit()
    assert conftest.UNVERSIONED_WRITES == ["participants"]
    conftest.UNVERSIONED_WRITES.clear()
