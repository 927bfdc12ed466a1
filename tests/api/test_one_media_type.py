"""One media type per operation (issue 34): every representation other than a negotiated path's JSON (HTML for the
sign-in sheet) is its own operation at a sibling path (`agenda.pdf`, `progress.svg`, `{id}.pdf`, ...), answering
exactly what the negotiated path answers for that `?format=`: the same body, headers, ETag and 304, errors, audit
and rate limits. The negotiated paths keep working for browsers and links (tests/api/test_agendas.py and the
others). Kept fast: one plan of one item, and the layout of PDFs and the drawing of charts (child processes, a
second or two each) replaced by a digest of what they were given; one PDF below is laid out for real, and the
SDK journeys (tests/contract, tests/typed-client) fetch real ones through the new operations."""

import hashlib
import io
import json
from pathlib import Path

import pypdf
import pytest

from tests.helpers import SOON, answers_for, assert_error, referenced
from toolkit import create_app
from toolkit.agendas import rendering, tasks
from toolkit.progress import services as progress_services

API = "/api/v1"
SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
MEDIA = {"html": "text/html", "pdf": "application/pdf", "ics": "text/calendar", "md": "text/markdown",
         "svg": "image/svg+xml"}
# (sibling path, negotiated path, format): the sibling answers as the negotiated path with ?format=.
PAIRS = [
    *((f"plans/{{plan}}/agenda.{ext}", "plans/{plan}/agenda", ext) for ext in ("html", "pdf", "ics", "md")),
    *((f"groups/{{group}}/agenda.{ext}", "groups/{group}/agenda", ext) for ext in ("html", "pdf", "ics", "md")),
    ("plans/{plan}/sign-in-sheet.pdf", "plans/{plan}/sign-in-sheet", "pdf"),
    ("participants/{person}/progress.svg", "participants/{person}/progress", "svg"),
    ("safety-plans/{safety_plan}.pdf", "safety-plans/{safety_plan}", "pdf"),
]
NEGOTIATED = {  # the negotiated operations and the representations they leave to their siblings
    "getPlanAgenda": ("html", "pdf", "ics", "md"), "getGroupAgenda": ("html", "pdf", "ics", "md"),
    "getSignInSheet": ("pdf",), "getParticipantProgress": ("svg",), "getSafetyPlan": ("pdf",),
}


@pytest.fixture
def ids(client, admin, create_group, create_participant, form):
    """The smallest session: one member (screened, with a safety plan), one plan of one 30-minute item."""
    group = create_group(name="Tuesday group", kind="group", capacity=8)
    person = create_participant(display_name="Sam Example")
    h = admin["headers"]
    assert client.post(f"{API}/groups/{group['id']}/members", headers=h,
                       json={"participant_id": person["id"]}).status_code == 201
    assert client.post(f"{API}/participants/{person['id']}/screenings", headers=h,
                       json={"form_version": form["version"], "answers": answers_for(form)}).status_code == 201
    plan = client.post(f"{API}/plans", headers=h, json={"title": "Week 1", "group_id": group["id"], "starts_at": SOON,
                                                        "items": [{"minutes": 30, "title": "Walk"}]})
    assert plan.status_code == 201, plan.get_json()
    safety_plan = client.post(f"{API}/participants/{person['id']}/safety-plans", headers=h,
                              json={"warning_signs": ["Not sleeping"]})
    assert safety_plan.status_code == 201, safety_plan.get_json()
    return {"plan": plan.get_json()["id"], "group": group["id"], "person": person["id"],
            "safety_plan": safety_plan.get_json()["id"]}


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def url(path: str, ids: dict) -> str:
    return f"{API}/{path.format(**ids)}"


@pytest.fixture
def quick_files(monkeypatch):
    """PDF layout and chart drawing as a digest of their input: the same input gives the same bytes."""

    def digest(text) -> str:
        return hashlib.sha256(text if isinstance(text, bytes) else text.encode()).hexdigest()

    monkeypatch.setattr(rendering, "lay_out", lambda html, budget: f"%PDF-1.7 {digest(html)}".encode())
    monkeypatch.setattr(progress_services, "render_svg",
                        lambda data: f"<svg>{digest(json.dumps(data, sort_keys=True))}</svg>".encode())


@pytest.mark.parametrize("sibling, negotiated, fmt", PAIRS, ids=[p[0].replace("{", "").replace("}", "")
                                                                for p in PAIRS])
def test_each_sibling_answers_its_one_media_type_as_the_negotiated_path_does(client, admin, ids, quick_files,
                                                                              sibling, negotiated, fmt):
    h = admin["headers"]
    asked = client.get(url(negotiated, ids), headers=h, query_string={"format": fmt})
    own = client.get(url(sibling, ids), headers=h)
    assert asked.status_code == own.status_code == 200, (own.status_code, own.get_data(as_text=True)[:300])
    assert own.mimetype == MEDIA[fmt]
    for header in ("Content-Type", "Content-Disposition", "Cache-Control", "ETag"):
        assert own.headers.get(header) == asked.headers.get(header), header
    if sibling.startswith("safety-plans"):  # printed afresh each time (a new creation date): the same text
        assert own.data.startswith(b"%PDF") and _text(own.data) == _text(asked.data) and "Not sleeping" in _text(
            own.data)
    else:
        assert own.data == asked.data
    tag = own.headers.get("ETag")
    if tag:  # the agendas: the ETag of the data they show, so If-None-Match answers 304 before any rendering
        unchanged = client.get(url(sibling, ids), headers={**h, "If-None-Match": tag})
        assert unchanged.status_code == 304 and unchanged.headers["ETag"] == tag and not unchanged.data
    # The sibling's format is its path: `format` is not one of its parameters.
    body = assert_error(client.get(url(sibling, ids), headers=h, query_string={"format": fmt}), 422)
    assert "format" in body["errors"]


def test_another_practice_gets_the_same_404_from_every_sibling(client, admin, other, ids):
    for sibling, negotiated, fmt in PAIRS:
        mine = assert_error(client.get(url(sibling, ids), headers=other["headers"]), 404)
        theirs = assert_error(client.get(url(negotiated, ids), headers=other["headers"],
                                         query_string={"format": fmt}), 404)
        assert mine["message"] == theirs["message"], sibling
        assert_error(client.get(url(sibling, ids)), 401)
    made_up = {key: "no-such-id" for key in ids}
    for sibling, _, _ in PAIRS:
        assert_error(client.get(url(sibling, made_up), headers=admin["headers"]), 404)


def test_the_agenda_options_and_the_audit_are_the_negotiated_paths(client, admin, ids):
    h = admin["headers"]
    plan = url("plans/{plan}/agenda", ids)
    handout = client.get(plan + ".md", headers=h, query_string={"audience": "participant", "detail": "run_sheet"})
    assert handout.data == client.get(plan, headers=h, query_string={
        "format": "md", "audience": "participant", "detail": "run_sheet"}).data
    assert handout.data != client.get(plan + ".md", headers=h).data  # the facilitator copy differs
    assert_error(client.get(plan + ".md", headers=h, query_string={"audience": "everyone"}), 422)

    def reads():
        events = client.get(f"{API}/audit-events", headers=h, query_string={"page_size": 100}).get_json()
        return sum(e["record_type"] == "plan_agenda" and e["record_id"] == ids["plan"] for e in events)

    before = reads()
    client.get(plan + ".html", headers=h)  # the facilitator agenda is audited ...
    client.get(plan + ".html", headers=h, query_string={"audience": "participant"})  # ... the handout is not
    assert reads() == before + 1


def test_a_pdf_sibling_answers_202_while_it_renders_then_200_at_the_same_url(make_config, admin, ids,
                                                                             monkeypatch):
    queued = []
    task = tasks.render_pdf
    monkeypatch.setattr(tasks, "render_pdf", lambda key: queued.append(key))
    web = create_app(make_config(AGENDA_WAIT_SECONDS=0.0)).test_client()
    pdf = url("plans/{plan}/agenda.pdf", ids)
    r = web.get(pdf, headers=admin["headers"])
    assert r.status_code == 202, r.get_data(as_text=True)[:300]
    assert int(r.headers["Retry-After"]) == r.get_json()["retry_after"] and r.get_json()["status"] == "queued"
    assert "ETag" not in r.headers and r.headers["Cache-Control"] == "no-store"
    # The negotiated path asks for the same render (the same key): nothing new is queued.
    negotiated = web.get(url("plans/{plan}/agenda", ids), headers=admin["headers"], query_string={"format": "pdf"})
    assert negotiated.status_code == 202 and negotiated.get_json().keys() == r.get_json().keys()
    assert len(queued) == 1
    with web.application.app_context():
        task.call_local(queued[0])
    done = web.get(pdf, headers=admin["headers"])
    assert done.status_code == 200 and done.data.startswith(b"%PDF") and done.headers["ETag"]


def test_a_sibling_shares_the_negotiated_paths_rate_limits(make_config, admin, ids, quick_files):
    web = create_app(make_config(RATELIMIT_ENABLED=True, PDF_RATE_LIMIT="1 per minute",
                                 AGENDA_RATE_LIMIT="2 per minute")).test_client()
    h = admin["headers"]
    agenda = url("plans/{plan}/agenda", ids)
    # Text formats: two answers in the minute, whichever path asks.
    assert web.get(agenda + ".md", headers=h).status_code == 200
    assert web.get(agenda, headers=h, query_string={"format": "html"}).status_code == 200
    refused = web.get(agenda + ".ics", headers=h)
    assert_error(refused, 429)
    assert int(refused.headers["Retry-After"]) > 0
    # PDFs: one render in the minute; asking the other path for another one is refused before rendering.
    assert web.get(agenda + ".pdf", headers=h).status_code == 200
    assert_error(web.get(agenda, headers=h, query_string={"format": "pdf", "paper": "letter"}), 429)
    # The group's agenda has buckets of its own, as before.
    assert web.get(url("groups/{group}/agenda.md", ids), headers=h).status_code == 200
    # The safety plan's printed copy: one bucket for ?format=pdf and {id}.pdf.
    assert web.get(url("safety-plans/{safety_plan}.pdf", ids), headers=h).status_code == 200
    assert_error(web.get(url("safety-plans/{safety_plan}", ids), headers=h, query_string={"format": "pdf"}), 429)
    assert web.get(url("safety-plans/{safety_plan}", ids), headers=h).status_code == 200  # JSON is not limited


# --- the spec ------------------------------------------------------------------------------------------------


def _operations():
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                yield method.upper(), path, op


def test_no_success_answer_declares_more_than_one_media_type():
    """A generated client gets one type per call: each 2xx has at most one media type (a 202 of the render
    queue is the status object; a file is `string`, binary for PDFs)."""
    several = [f"{method} {path} {code}: {sorted(response['content'])}" for method, path, op in _operations()
               for code, response in op["responses"].items()
               if code.startswith("2") and len(response.get("content", {})) > 1]
    assert several == []


def test_each_negotiated_operation_documents_its_primary_and_names_its_siblings():
    by_id = {op["operationId"]: (path, op) for _, path, op in _operations()}
    for operation, others in NEGOTIATED.items():
        path, op = by_id[operation]
        (media_type,) = op["responses"]["200"]["content"]
        fmt = next(p for p in op["parameters"] if p["name"] == "format")
        primary = "html" if media_type == "text/html" else "json"
        listed = fmt["schema"].get("enum") or SPEC["components"]["schemas"][
            referenced(fmt["schema"])[0]]["enum"]
        assert listed == [primary], operation
        assert "202" not in op["responses"], operation  # only a PDF waits for its render
        for ext in others:
            sibling = operation + ext.capitalize()
            assert f"`{sibling}`" in op["description"] or f"({sibling})" in fmt["description"] + op["description"]
            sibling_path, sibling_op = by_id[sibling]
            assert sibling_path == f"{path}.{ext}" and sibling_op["tags"] == op["tags"]
            assert list(sibling_op["responses"]["200"]["content"]) == [MEDIA[ext]]
            assert not any(p["name"] == "format" for p in sibling_op.get("parameters", []))
            assert f"?format={ext}`" in sibling_op["description"], sibling
