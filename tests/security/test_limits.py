"""Resource limits (OWASP API4): page size, body size, agenda size and the PDF rate limit are capped;
ids that cannot exist (huge, garbage, NUL, path tricks) answer 404 on every id path, never a 500."""

import itertools
import json
import uuid

import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_error
from tests.security.support import (
    API,
    START,
    body_for,
    build_world,
    excerpt,
    fill,
    id_operations,
    is_404,
    ok,
    spec_operations,
    world_ids,
    write_bodies,
)
from toolkit import create_app

LISTS = ["participants", "groups", "plans", "modules", "therapists", "audit-events"]


@pytest.fixture
def world(client, admin, create_participant, create_group, create_therapist):
    return build_world(client, admin, create_participant=create_participant, create_group=create_group,
                       create_therapist=create_therapist)


def test_page_size_and_list_lengths_are_capped(client, admin, create_participant, create_group):
    participant = create_participant()
    lists = [*LISTS, f"participants/{participant['id']}/screenings"]
    for path in lists:
        url = f"{API}/{path}"
        for bad in ({"page_size": 101}, {"page_size": 10**12}, {"page_size": 0}, {"page": 0}, {"page": -1},
                    {"page_size": "x"}):
            body = assert_error(client.get(url, headers=admin["headers"], query_string=bad), 422)
            assert set(body["errors"]) <= {"page", "page_size"}, (path, body)
        r = client.get(url, headers=admin["headers"], query_string={"page_size": 100, "page": 10**6})
        assert r.status_code == 200 and r.get_json() == [], path

    # Lists inside bodies and search texts are capped too.
    h = admin["headers"]
    items = [{"minutes": 1, "title": "x"}] * 101
    assert "items" in assert_error(client.post(f"{API}/plans", headers=h, json={
        "title": "Too long", "starts_at": START, "items": items}), 422)["errors"]
    group = create_group()
    assert "facilitator_ids" in assert_error(client.patch(f"{API}/groups/{group['id']}",
                                                          headers={**h, "If-Match": "*"},
                                                          json={"facilitator_ids": ["x"] * 51}), 422)["errors"]
    assert "q" in assert_error(client.get(f"{API}/participants", headers=h, query_string={"q": "x" * 101}),
                               422)["errors"]


def test_body_over_the_limit_is_413_on_every_write(client, admin, world):
    """The default limit is 1 MiB: a bigger body is refused before it is parsed, and nothing is written."""
    limit = client.application.config["MAX_CONTENT_LENGTH"]
    assert limit == 1024 * 1024
    huge = {"notes": "x" * limit}
    ids = {**world_ids(world), "token": "not-a-real-reset-link"}  # a capability in the path (issue 28)
    before = client.get(f"{API}/plans/{world['plan_id']}", headers=admin["headers"]).headers["ETag"]
    writes = [(path, method) for path, method, op in spec_operations(client) if "requestBody" in op]
    assert len(writes) >= 15
    for path, method in writes:
        r = client.open(fill(path, ids), method=method.upper(), headers={**admin["headers"], "If-Match": "*"},
                        data=json.dumps(huge), content_type="application/json")
        body = assert_error(r, 413)
        assert body["message"], path
    assert client.get(f"{API}/plans/{world['plan_id']}", headers=admin["headers"]).headers["ETag"] == before
    assert len(ok(client.get(f"{API}/participants", headers=admin["headers"]))) == 2


GARBAGE_IDS = ["9" * 40, "9" * 400, "%00", "abc%00def", "..%2F..%2Fetc%2Fpasswd", "../../etc", "x" * 300, "é" * 50,
               "%F0%9F%92%A5", "%FF%FE", "' OR '1'='1", str(uuid.uuid4()).upper(), "%20"]


def test_garbage_ids_on_every_id_path_are_404_never_500(client, admin, world):
    bodies = write_bodies(world)
    problems = []
    operations = id_operations(client)
    for path, method, op in operations:
        body = body_for(bodies, path, method, op)
        names = [name.split("}")[0] for name in path.split("{")[1:]]
        for garbage in GARBAGE_IDS:
            for position in range(len(names)):  # one parameter garbage at a time, the others real
                url = path
                for index, name in enumerate(names):
                    url = url.replace("{" + name + "}", garbage if index == position else world[name])
                r = client.open(url, method=method.upper(), headers={**admin["headers"], "If-Match": "*"}, json=body)
                if not is_404(r):
                    problems.append(f"{method.upper()} {url[:120]}: {r.status_code} {excerpt(r, 150)}")
    assert not problems, "\n".join(problems[:40])
    # Every record is still there.
    assert ok(client.get(f"{API}/plans/{world['plan_id']}", headers=admin["headers"]))["title"] == "World plan"


def test_garbage_ids_in_bodies_and_queries_are_4xx_never_500(client, admin, world):
    h = admin["headers"]
    for garbage, where in itertools.product(["9" * 64, "\x00", "a\x00b", "é" * 30, "' OR '1'='1", "../../etc"],
                                            ["body", "query"]):
        if where == "body":
            responses = [
                client.post(f"{API}/groups/{world['group_id']}/members", headers=h, json={"participant_id": garbage}),
                client.post(f"{API}/plans", headers=h, json={"title": "X", "starts_at": START, "group_id": garbage}),
                client.post(f"{API}/plans", headers=h, json={"title": "X", "starts_at": START,
                                                             "items": [{"module_id": garbage, "minutes": 5}]}),
                client.post(f"{API}/groups", headers=h, json={"name": "X", "kind": "family",
                                                              "facilitator_ids": [garbage]}),
                client.post(f"{API}/participants", headers=h, json={"display_name": f"Name {garbage}"}),
            ]
        else:
            responses = [client.get(f"{API}/plans", headers=h, query_string={"group_id": garbage}),
                         client.get(f"{API}/participants", headers=h, query_string={"q": garbage}),
                         client.get(f"{API}/audit-events", headers=h, query_string={"record_id": garbage}),
                         client.get(f"{API}/modules", headers=h, query_string={"q": garbage})]
        for r in responses:
            assert r.status_code < 500, (garbage, r.status_code, r.get_data(as_text=True)[:300])
            if r.status_code >= 400:
                assert_error(r, r.status_code)
            if "\x00" in garbage:
                assert r.status_code in (404, 422), (garbage, r.status_code)


def test_agenda_size_is_capped(client, admin, create_group, monkeypatch):
    from toolkit.agendas import services

    monkeypatch.setattr(services, "MAX_PLANS", 2)
    group = create_group(name="Long retreat")
    url = f"{API}/groups/{group['id']}/agenda"
    for day in range(1, 4):
        ok(client.post(f"{API}/plans", headers=admin["headers"], json={
            "title": f"Day {day}", "group_id": group["id"], "starts_at": f"2027-04-0{day}T09:00:00+02:00",
            "items": [{"minutes": 30, "title": "Walk"}]}), 201)
        r = client.get(url, headers=admin["headers"], query_string={"format": "json"})
        if day <= 2:
            assert len(ok(r)["days"]) == day
        else:
            assert "at most 2" in assert_error(r, 422)["message"]
    for fmt in ("pdf", "html", "md", "ics"):
        assert_error(client.get(url, headers=admin["headers"], query_string={"format": fmt}), 422)


# --- the PDF rate limit ---------------------------------------------------------------------------------


@pytest.fixture
def limited(make_config):
    """An app with rate limits on: 2 PDFs a minute. Returns (client, headers, group id, plan id)."""
    app = create_app(make_config(RATELIMIT_ENABLED=True, PDF_RATE_LIMIT="2 per minute"))
    app.config["TESTING"] = True
    client = app.test_client()
    email = f"pdf-{uuid.uuid4().hex[:8]}@example.org"
    ok(client.post(f"{API}/auth/register", json={"practice_name": "P", "name": "N", "email": email,
                                                 "password": PASSWORD}), 201)
    tokens = ok(client.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD}))
    h = {"Authorization": f"Bearer {tokens['access_token']}"}
    group = ok(client.post(f"{API}/groups", headers=h, json={"name": "G", "kind": "retreat", "capacity": 5}), 201)
    plan = ok(client.post(f"{API}/plans", headers=h, json={"title": "Day 1", "group_id": group["id"],
                                                           "starts_at": START,
                                                           "items": [{"minutes": 30, "title": "Walk"}]}), 201)
    yield client, h, group["id"], plan["id"]
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_third_pdf_render_in_a_minute_is_429_while_json_is_not_limited_by_it(limited):
    client, h, _, plan_id = limited
    url = f"{API}/plans/{plan_id}/agenda"
    # Two renders: one by ?format=, one negotiated by Accept (it counts too). Asking again for a finished
    # render in between is answered from the cache and costs nothing.
    for kwargs in ({"query_string": {"format": "pdf"}}, {"query_string": {"format": "pdf"}},
                   {"headers": {**h, "Accept": "application/pdf"}, "query_string": {"paper": "letter"}}):
        r = client.get(url, **{"headers": h, **kwargs})
        assert r.status_code == 200 and r.data.startswith(b"%PDF"), kwargs
    r = client.get(url, headers=h, query_string={"format": "pdf", "audience": "participant"})
    assert_error(r, 429)
    assert int(r.headers["Retry-After"]) > 0
    # Asking for the PDF another way is the same PDF and the same limit.
    for accept in ("application/pdf", "application/pdf;q=0.9, text/html;q=0.5"):
        assert_error(client.get(url, headers={**h, "Accept": accept}), 429)
    # A wildcard is JSON (the default), never a PDF: not limited.
    for accept in ("*/*", "application/*", "application/json, text/plain, */*"):
        r = client.get(url, headers={**h, "Accept": accept})
        assert r.status_code == 200 and r.mimetype == "application/json", accept
    # Other formats have their own (higher) limit.
    for fmt in ("json", "html", "md", "ics", "json", "json"):
        assert client.get(url, headers=h, query_string={"format": fmt}).status_code == 200, fmt
    assert client.get(url, headers={**h, "Accept": "application/json"}).status_code == 200
    assert client.get(url, headers={**h, "Accept": "text/html"}).status_code == 200
    assert client.get(url, headers=h).status_code == 200
