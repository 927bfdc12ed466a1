"""PDF agendas through the render queue (tasks run eagerly here; tests/security/test_render_boot.py runs the
real consumer): the cache keyed by ETag, 202 + Retry-After, caps before rendering, budgets, rate limits."""

import uuid

import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD
from tests.factories import long_plans, modules_by_slug
from tests.helpers import assert_error
from toolkit import create_app
from toolkit.agendas import rendering, tasks
from toolkit.agendas.layout import group_alive

API = "/api/v1"






def _renders(app):
    with app.app_context():
        from toolkit.extensions import db

        with db.engine.connect() as conn:
            return conn.execute(sa.text("SELECT status, reason FROM agenda_renders")).all()


@pytest.fixture
def session_plan(client, admin, create_group):
    group = create_group(name="Tuesday group", kind="retreat", capacity=8)
    mods = modules_by_slug(client, admin)
    [plan_id] = long_plans(client, admin, group["id"], 1, mods)
    return f"{API}/plans/{plan_id}/agenda?format=pdf"


def test_a_small_pdf_answers_200_then_from_the_cache_and_304(app, client, admin, session_plan, monkeypatch):
    r = client.get(session_plan, headers=admin["headers"])
    assert r.status_code == 200 and r.data.startswith(b"%PDF"), r.get_data(as_text=True)[:300]
    assert _renders(app) == [("ready", None)]
    tag = r.headers["ETag"]

    def no_layout(*args, **kwargs):
        raise AssertionError("a cached agenda must not be laid out again")

    monkeypatch.setattr(rendering, "lay_out", no_layout)
    again = client.get(session_plan, headers=admin["headers"])
    assert again.status_code == 200 and again.data == r.data and again.headers["ETag"] == tag
    assert client.get(session_plan, headers={**admin["headers"], "If-None-Match": tag}).status_code == 304


def test_a_queued_pdf_answers_202_with_retry_after_then_200(make_config, client, admin, session_plan,
                                                              monkeypatch):
    queued = []
    task = tasks.render_pdf
    monkeypatch.setattr(tasks, "render_pdf", lambda key: queued.append(key))
    app = create_app(make_config(AGENDA_WAIT_SECONDS=0.0))
    web = app.test_client()
    r = web.get(session_plan, headers=admin["headers"])
    assert r.status_code == 202, r.get_data(as_text=True)[:300]
    body = r.get_json()
    assert body["status"] == "queued" and int(r.headers["Retry-After"]) == body["retry_after"] >= 1
    assert "ETag" not in r.headers and r.headers["Cache-Control"] == "no-store"
    # Asking again while it is queued queues nothing new.
    assert web.get(session_plan, headers=admin["headers"]).status_code == 202
    assert len(queued) == 1
    # A render worker picks the task up; the same URL now answers with the PDF.
    with app.app_context():
        task.call_local(queued[0])
    done = web.get(session_plan, headers=admin["headers"])
    assert done.status_code == 200 and done.data.startswith(b"%PDF") and done.headers["ETag"]


@pytest.mark.parametrize("limits_on", [True, False])
def test_a_202_says_the_render_estimate_not_the_rate_limit_window(make_config, admin, session_plan, monkeypatch,
                                                                   limits_on):
    """Issue 31: with the rate limiter on, flask-limiter set every answer's Retry-After to its window's reset
    (a 202 said 60 s for a render of one). The 202 keeps the estimate; the limit headers stay; only a 429
    says when the window opens again."""
    monkeypatch.setattr(tasks, "render_pdf", lambda key: None)
    app = create_app(make_config(AGENDA_WAIT_SECONDS=0.0, RATELIMIT_ENABLED=limits_on, PDF_RATE_LIMIT="2 per hour"))
    web = app.test_client()
    r = web.get(session_plan, headers=admin["headers"])
    assert r.status_code == 202, r.get_data(as_text=True)[:300]
    assert int(r.headers["Retry-After"]) == r.get_json()["retry_after"] <= 10
    assert ("X-RateLimit-Limit" in r.headers) is limits_on
    assert "Retry-After" not in web.get("/api/v1/me", headers=admin["headers"]).headers
    if limits_on:
        other = session_plan.replace("format=pdf", "format=pdf&paper=letter")  # a second render: one more hit
        assert web.get(other, headers=admin["headers"]).status_code == 202
        refused = web.get(session_plan.replace("format=pdf", "format=pdf&audience=participant"),
                          headers=admin["headers"])
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 60  # the hour's window


def test_a_60_plan_facilitator_pdf_is_refused_before_rendering(app, client, admin, create_group, monkeypatch):
    group = create_group(name="Long retreat", kind="retreat", capacity=40)
    long_plans(client, admin, group["id"], 60, modules_by_slug(client, admin))
    url = f"{API}/groups/{group['id']}/agenda"

    def no_render(*args, **kwargs):
        raise AssertionError("refused agendas must not be rendered")

    from toolkit.agendas import resources

    monkeypatch.setattr(resources, "render_html", no_render)
    monkeypatch.setattr(rendering, "lay_out", no_render)
    body = assert_error(client.get(url, headers=admin["headers"], query_string={"format": "pdf"}), 422)
    assert "pages" in body["message"] and "participant" in body["errors"]["agenda"][0]
    assert _renders(app) == []
    # The other formats of the same agenda are fine (they are capped by size, not by pages).
    assert client.get(url, headers=admin["headers"], query_string={"format": "json"}).status_code == 200


def test_a_render_over_its_budget_is_a_clear_422_and_leaves_nothing(make_config, admin, session_plan,
                                                                     monkeypatch):
    failures = []
    real = rendering.lay_out

    def spy(html, budget):
        try:
            return real(html, budget)
        except Exception as exc:
            failures.append(exc)
            raise

    monkeypatch.setattr(rendering, "lay_out", spy)
    app = create_app(make_config(RENDER_SECONDS=0.2))
    web = app.test_client()
    body = assert_error(web.get(session_plan, headers=admin["headers"]), 422)
    assert "budget" in body["message"] and "0.2 s" in body["errors"]["agenda"][0]
    # Retried once on an idle worker (here the only one) before it is refused.
    assert [f.reason for f in failures] == ["time", "time"] and not group_alive(failures[0].pid)
    assert _renders(app) == [("failed", "time")]
    # The same data fails the same way: answered from the cache for RENDER_REFUSAL_MINUTES, no third render.
    assert_error(web.get(session_plan, headers=admin["headers"]), 422)
    assert len(failures) == 2


def test_text_agendas_are_capped_by_size_before_rendering(make_config, admin, session_plan):
    app = create_app(make_config(AGENDA_MAX_CHARS=500))
    web = app.test_client()
    for fmt in ("json", "html", "md", "ics", "pdf"):
        body = assert_error(web.get(session_plan.replace("format=pdf", f"format={fmt}"), headers=admin["headers"]),
                            422)
        assert "characters" in body["errors"]["agenda"][0], fmt


def test_text_agendas_are_rate_limited(make_config):
    app = create_app(make_config(RATELIMIT_ENABLED=True, AGENDA_RATE_LIMIT="3 per minute"))
    web = app.test_client()
    email = f"rl-{uuid.uuid4().hex[:8]}@example.org"
    assert web.post(f"{API}/auth/register", json={"practice_name": "P", "name": "N", "email": email,
                                                  "password": PASSWORD}).status_code == 201
    token = web.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD}).get_json()["access_token"]
    h = {"Authorization": f"Bearer {token}"}
    group = web.post(f"{API}/groups", headers=h, json={"name": "G", "kind": "retreat", "capacity": 5}).get_json()
    url = f"{API}/groups/{group['id']}/agenda"
    codes = [web.get(url, headers=h, query_string={"format": fmt}).status_code for fmt in ("json", "md", "html")]
    assert codes == [200, 200, 200]
    r = web.get(url, headers=h, query_string={"format": "json"})
    assert_error(r, 429)
    assert int(r.headers["Retry-After"]) > 0
