"""The Python SDK (clients/python, generated from the committed spec by scripts/generate_clients.py with
openapi-python-client) drives the main journey against a live server (issue 7 point 6, issue 34), with the
readable method names that operationIds give (issue 17) and typed agenda and override models.

This is what a frontend team does first: install the SDK and use it. CI checks that the committed SDK is what
the generator makes from the committed spec (`scripts/generate_clients.py --check`).
"""

import datetime
import importlib
import sys
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD
from toolkit import create_app

ROOT = Path(__file__).resolve().parents[2]
SDK = ROOT / "clients" / "python"
PACKAGE = "inner_child_toolkit_client"


@pytest.fixture(scope="module")
def generated():
    """The committed SDK, imported from its folder (as `pip install clients/python` would)."""
    sys.path.insert(0, str(SDK))
    try:
        yield lambda name="": importlib.import_module(f"{PACKAGE}{'.' + name if name else ''}")
    finally:
        sys.path.remove(str(SDK))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def live_server(make_config):
    app = create_app(make_config(RATELIMIT_ENABLED=False))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def ok(response, status):
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.parsed


@pytest.mark.slow
def test_generated_client_drives_the_main_journey(generated, live_server):
    client_mod, models, types = generated("client"), generated("models"), generated("types")

    def api(area, name):
        return generated(f"api.{area}.{name}")

    anonymous = client_mod.Client(base_url=live_server, raise_on_unexpected_status=True)

    # register → login
    registered = ok(api("auth", "register_practice").sync_detailed(client=anonymous, body=models.Register(
        practice_name="Riverside Counselling", name="Alex Example", email="alex@example.org", password=PASSWORD)), 201)
    assert registered.therapist.role == models.Role.ADMIN
    tokens = ok(api("auth", "login").sync_detailed(
        client=anonymous, body=models.Login(email="alex@example.org", password=PASSWORD)), 200)
    assert tokens.token_type == "Bearer" and tokens.expires_in > 0
    wrong = api("auth", "login").sync_detailed(
        client=anonymous, body=models.Login(email="alex@example.org", password="wrong-password-123"))
    assert wrong.status_code == 401 and isinstance(wrong.parsed, models.Error) and wrong.parsed.code == 401
    authed = client_mod.AuthenticatedClient(base_url=live_server, token=tokens.access_token,
                                            raise_on_unexpected_status=True)
    me = ok(api("auth", "get_me").sync_detailed(client=authed), 200)
    assert me.practice.id == registered.practice.id

    # participant (with its ETag) → group → member
    created = api("participants", "create_participant").sync_detailed(
        client=authed, idempotency_key="create-pat",
        body=models.ParticipantCreate(display_name="Pat Example", date_of_birth=datetime.date(1988, 5, 17)))
    participant = ok(created, 201)
    assert created.headers["ETag"] == participant.etag and created.headers["Location"].endswith(participant.id)
    # Required response fields are plain attributes (no Unset): id, timestamps, computed values.
    assert isinstance(participant.created_at, datetime.datetime) and participant.archived is False
    retried = api("participants", "create_participant").sync_detailed(
        client=authed, idempotency_key="create-pat",
        body=models.ParticipantCreate(display_name="Pat Example", date_of_birth=datetime.date(1988, 5, 17)))
    assert ok(retried, 201).id == participant.id
    # Round trip: the object from a GET goes back as the PATCH body.
    got = ok(api("participants", "get_participant").sync_detailed(participant.id, client=authed), 200)
    patched = ok(api("participants", "update_participant").sync_detailed(
        participant.id, client=authed, if_match=got.etag,
        body=models.ParticipantUpdate.from_dict({**got.to_dict(), "notes": "Prefers mornings."})), 200)
    assert patched.notes == "Prefers mornings."
    group = ok(api("groups", "create_group").sync_detailed(client=authed, body=models.GroupCreate.from_dict({
        "name": "Spring retreat", "kind": "retreat", "capacity": 12, "timezone": "Europe/Berlin",
        "facilitator_ids": [me.id]})), 201)
    assert group.kind == models.GroupKind.RETREAT
    member = ok(api("groups", "add_group_member").sync_detailed(
        group.id, client=authed, body=models.MemberCreate(participant_id=participant.id)), 201)
    assert member.participant_id == participant.id
    listed = api("participants", "list_participants").sync_detailed(client=authed)
    assert [p.id for p in ok(listed, 200)] == [participant.id]
    assert '"total": 1' in listed.headers["X-Pagination"]

    # plan from library modules
    modules = ok(api("modules", "list_modules").sync_detailed(
        client=authed, kind=models.GroupKind.RETREAT, page_size=50), 200)
    by_category = {}
    for module in modules:
        by_category.setdefault(module.category.value, module)
    chosen = [by_category[c] for c in ("opening", "psychoeducation", "exercise", "closing") if c in by_category]
    assert len(chosen) >= 3
    plan = ok(api("plans", "create_plan").sync_detailed(client=authed, body=models.PlanCreate.from_dict({
        "title": "Day 1 - Meeting little me", "group_id": group.id,
        # two weeks ahead: a new screening must still be valid when the session ends
        "starts_at": (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)).strftime(
            "%Y-%m-%dT09:00:00+02:00"),
        "items": [{"module_id": m.id, "minutes": m.default_minutes} for m in chosen]})), 201)
    assert len(plan.items) == len(chosen) and plan.total_minutes == sum(m.default_minutes for m in chosen)

    # screening form → screening → clearance
    form = ok(api("screening", "get_screening_form").sync_detailed(client=authed), 200)
    answers = {item.id: min(o.value for o in item.options)
               for instrument in form.instruments for item in instrument.items if not item.enable_when}
    screening = ok(api("screening", "create_screening").sync_detailed(
        participant.id, client=authed, body=models.ScreeningFormCreate.from_dict({
            "method": "form", "form_version": form.version, "answers": answers})), 201)
    assert screening.outcome == models.Outcome.CLEAR and screening.is_valid and screening.override is None
    overridden = ok(api("screening", "override_screening").sync_detailed(
        screening.id, client=authed,
        body=models.OverrideCreate(outcome=models.Outcome.CAUTION, reason="Disclosed a recent loss at intake.")), 201)
    assert isinstance(overridden.override, models.Override) and overridden.override.outcome == models.Outcome.CAUTION
    assert overridden.computed_outcome == models.Outcome.CLEAR
    clearance = ok(api("screening", "get_plan_clearance").sync_detailed(plan.id, client=authed), 200)
    assert clearance.status in (models.ClearanceStatus.CLEAR, models.ClearanceStatus.CAUTION)
    assert [p.participant_id for p in clearance.participants] == [participant.id]

    # agenda: the JSON operation parsed into the typed model; every other representation has an operation of its
    # own with one media type (the PDF as a File, the iCalendar file as text), no HTTP session needed
    agenda = api("agendas", "get_plan_agenda").sync_detailed(plan.id, client=authed)
    assert agenda.status_code == 200 and agenda.headers["ETag"]
    assert isinstance(agenda.parsed, models.Agenda) and agenda.parsed.days[0].plans[0].title.startswith("Day 1")
    pdf = api("agendas", "get_plan_agenda_pdf").sync_detailed(plan.id, client=authed,
                                                              audience=models.Audience.PARTICIPANT)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"].startswith("application/pdf")
    assert isinstance(pdf.parsed, types.File) and pdf.parsed.payload.read().startswith(b"%PDF")
    assert "attachment" not in pdf.headers["Content-Disposition"]
    ics = api("agendas", "get_plan_agenda_ics").sync_detailed(plan.id, client=authed)
    assert ics.status_code == 200 and ics.headers["Content-Type"].startswith("text/calendar")
    assert isinstance(ics.parsed, str) and ics.parsed.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics.parsed
    unchanged = api("agendas", "get_plan_agenda_ics").sync_detailed(plan.id, client=authed,
                                                                    if_none_match=ics.headers["ETag"])
    assert unchanged.status_code == 304

    # progress: a second screening, the typed JSON, and the SVG chart by its own operation (text)
    ok(api("screening", "create_screening").sync_detailed(
        participant.id, client=authed, body=models.ScreeningFormCreate.from_dict({
            "method": "form", "form_version": form.version, "answers": answers})), 201)
    progress = ok(api("progress", "get_participant_progress").sync_detailed(participant.id, client=authed), 200)
    assert isinstance(progress, models.Progress)
    chart = api("progress", "get_participant_progress_svg").sync_detailed(participant.id, client=authed)
    assert chart.status_code == 200 and chart.headers["Content-Type"].startswith("image/svg+xml")
    assert isinstance(chart.parsed, str) and "<svg" in chart.parsed

    # refresh with the refresh token, then log out
    refresher = client_mod.AuthenticatedClient(base_url=live_server, token=tokens.refresh_token)
    fresh = ok(api("auth", "refresh_access_token").sync_detailed(client=refresher), 200)
    assert fresh.access_token
    assert api("auth", "logout").sync_detailed(client=authed).status_code == 204
    assert api("auth", "get_me").sync_detailed(client=authed).status_code == 401
