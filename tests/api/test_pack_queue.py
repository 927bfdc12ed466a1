"""The offline pack goes through the render queue like a PDF (issue 31): 202 with Retry-After while it is queued
(asking again queues nothing new), then 200 with the zip once a render worker has built it; another practice's
group is a 404. Layouts are replaced by a stand-in here (the real ones: tests/api/test_facilitator_pack.py).
Also the sign-in sheet on Letter paper and the large-print handout through the API."""

import io
import zipfile

import pytest

from tests.helpers import assert_error
from toolkit import create_app
from toolkit.agendas import rendering, tasks


@pytest.fixture
def group_with_session(client, admin, create_group, create_participant):
    h = admin["headers"]
    mods = {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=h).get_json()}
    group = create_group(name="Small retreat", kind="retreat", capacity=6, timezone="Europe/Berlin",
                         starts_on="2027-05-10", ends_on="2027-05-10")
    person = create_participant(display_name="Sasha Packtest", dietary_notes="No sesame")
    assert client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": person["id"]},
                       headers=h).status_code == 201
    plan = client.post("/api/v1/plans", headers=h, json={
        "title": "Only day", "group_id": group["id"], "starts_at": "2027-05-10T09:30:00+02:00",
        "items": [{"module_id": mods["opening-check-in"]["id"], "minutes": 15}]}).get_json()
    return {"group": group, "plan": plan}


def test_a_queued_pack_answers_202_then_the_zip(make_config, admin, group_with_session, monkeypatch):
    queued = []
    task = tasks.render_pdf  # the render queue's wake-up: the pack is a job of kind "pack" beside the PDFs
    monkeypatch.setattr(tasks, "render_pdf", lambda key: queued.append((key,)))
    monkeypatch.setattr(rendering, "lay_out", lambda html, budget: b"%PDF-1.7 stand-in")
    app = create_app(make_config())
    web = app.test_client()
    url = f"/api/v1/groups/{group_with_session['group']['id']}/pack"
    r = web.get(url, headers=admin["headers"])
    assert r.status_code == 202, r.get_data(as_text=True)[:300]
    assert int(r.headers["Retry-After"]) == r.get_json()["retry_after"] >= 1
    assert r.headers["Cache-Control"] == "no-store"
    assert web.get(url, headers=admin["headers"]).status_code == 202 and len(queued) == 1
    with app.app_context():
        task.call_local(*queued[0])
    done = web.get(url, headers=admin["headers"])
    assert done.status_code == 200 and done.headers["Content-Type"] == "application/zip"
    names = set(zipfile.ZipFile(io.BytesIO(done.data)).namelist())
    assert {"index.html", "roster.pdf", "handout-large-print.pdf", "sign-in-sheets.pdf", "calendar.ics"} <= names
    roster = zipfile.ZipFile(io.BytesIO(done.data)).read("roster.html").decode()
    assert "No sesame" in roster


def test_another_practice_gets_404_and_a_bad_paper_is_422(client, admin, other, group_with_session):
    url = f"/api/v1/groups/{group_with_session['group']['id']}/pack"
    assert_error(client.get(url, headers=other["headers"]), 404)
    assert_error(client.get(url + "?paper=a3", headers=admin["headers"]), 422)


def test_the_sign_in_sheet_prints_on_letter_with_comments_and_spare_rows(client, admin, group_with_session):
    plan = group_with_session["plan"]
    html = client.get(f"/api/v1/plans/{plan['id']}/sign-in-sheet?paper=letter",
                      headers=admin["headers"]).get_data(as_text=True)
    assert "size: letter" in html and "<th class=\"comment\">Comment</th>" in html
    assert html.count('class="spare"') == 4 and "Sasha Packtest" in html and "Page \" counter(page)" in html
    assert "size: A4" in client.get(f"/api/v1/plans/{plan['id']}/sign-in-sheet",
                                    headers=admin["headers"]).get_data(as_text=True)


def test_the_large_print_handout_through_the_api(client, admin, group_with_session):
    url = f"/api/v1/groups/{group_with_session['group']['id']}/agenda?format=html&audience=participant"
    large = client.get(url + "&print=large", headers=admin["headers"])
    normal = client.get(url, headers=admin["headers"])
    assert ' print-large">' in large.get_data(as_text=True)
    assert ' print-large">' not in normal.get_data(as_text=True)
    assert large.headers["ETag"] != normal.headers["ETag"]
    assert "No sesame" not in large.get_data(as_text=True)
    assert_error(client.get(url + "&print=huge", headers=admin["headers"]), 422)
