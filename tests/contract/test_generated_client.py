"""A client generated from the committed spec drives the main journey against a live server (issue 7 point 6).

This is what a frontend team does first: generate a client with openapi-python-client from
openapi/openapi.json and use it. A generator failure on our spec fails this test; fix the spec.
"""

import importlib
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.api.fast_hash import fast_passwords  # noqa: F401
from tests.conftest import PASSWORD
from toolkit import create_app

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "openapi.json"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")
PACKAGE = "toolkit_api_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Generate the client (offline) and import it."""
    where = tmp_path_factory.mktemp("client")
    config = where / "generator.yaml"
    config.write_text("post_hooks: []\n")
    done = subprocess.run([str(GENERATOR), "generate", "--path", str(SPEC), "--output-path", str(where / PACKAGE),
                           "--meta", "none", "--config", str(config), "--fail-on-warning"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"openapi-python-client failed on our spec:\n{done.stdout}\n{done.stderr}"
    sys.path.insert(0, str(where))
    try:
        yield lambda name="": importlib.import_module(f"{PACKAGE}{'.' + name if name else ''}")
    finally:
        sys.path.remove(str(where))
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
    client_mod, models = generated("client"), generated("models")

    def api(area, name):
        return generated(f"api.{area}.{name}")

    anonymous = client_mod.Client(base_url=live_server, raise_on_unexpected_status=True)

    # register → login
    registered = ok(api("auth", "post_api_v1_auth_register").sync_detailed(client=anonymous, body=models.Register(
        practice_name="Riverside Counselling", name="Alex Example", email="alex@example.org", password=PASSWORD)), 201)
    assert registered.therapist.role == models.MeRole.ADMIN
    tokens = ok(api("auth", "post_api_v1_auth_login").sync_detailed(
        client=anonymous, body=models.Login(email="alex@example.org", password=PASSWORD)), 200)
    assert tokens.token_type == "Bearer" and tokens.expires_in > 0
    wrong = api("auth", "post_api_v1_auth_login").sync_detailed(
        client=anonymous, body=models.Login(email="alex@example.org", password="wrong-password-123"))
    assert wrong.status_code == 401 and isinstance(wrong.parsed, models.Error) and wrong.parsed.code == 401
    authed = client_mod.AuthenticatedClient(base_url=live_server, token=tokens.access_token,
                                            raise_on_unexpected_status=True)
    me = ok(api("auth", "get_api_v1_me").sync_detailed(client=authed), 200)
    assert me.practice.id == registered.practice.id

    # participant (with its ETag) → group → member
    created = api("participants", "post_api_v1_participants").sync_detailed(
        client=authed,
        body=models.Participant.from_dict({"display_name": "Pat Example", "date_of_birth": "1988-05-17"}))
    participant = ok(created, 201)
    assert created.headers["ETag"]
    group = ok(api("groups", "post_api_v1_groups").sync_detailed(client=authed, body=models.Group.from_dict({
        "name": "Spring retreat", "kind": "retreat", "capacity": 12, "timezone": "Europe/Berlin",
        "facilitator_ids": [me.id]})), 201)
    assert group.kind == models.GroupKind.RETREAT
    member = ok(api("groups", "post_api_v1_groups_group_id_members").sync_detailed(
        group.id, client=authed, body=models.MemberCreate(participant_id=participant.id)), 201)
    assert member.participant_id == participant.id
    listed = api("participants", "get_api_v1_participants").sync_detailed(client=authed)
    assert [p.id for p in ok(listed, 200)] == [participant.id]
    assert '"total": 1' in listed.headers["X-Pagination"]

    # plan from library modules
    modules = ok(api("modules", "get_api_v1_modules").sync_detailed(
        client=authed, kind=models.GetApiV1ModulesKind.RETREAT, page_size=50), 200)
    by_category = {}
    for module in modules:
        by_category.setdefault(module.category.value, module)
    chosen = [by_category[c] for c in ("opening", "psychoeducation", "exercise", "closing") if c in by_category]
    assert len(chosen) >= 3
    plan = ok(api("plans", "post_api_v1_plans").sync_detailed(client=authed, body=models.Plan.from_dict({
        "title": "Day 1 - Meeting little me", "group_id": group.id,
        # two weeks ahead: a new screening must still be valid when the session ends
        "starts_at": (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%dT09:00:00+02:00"),
        "items": [{"module_id": m.id, "minutes": m.default_minutes} for m in chosen]})), 201)
    assert len(plan.items) == len(chosen) and plan.total_minutes == sum(m.default_minutes for m in chosen)

    # screening form → screening → clearance
    form = ok(api("screening", "get_api_v1_screening_form").sync_detailed(client=authed), 200)
    answers = {item.id: min(o.value for o in item.options)
               for instrument in form.instruments for item in instrument.items if not item.enable_when}
    screening = ok(api("screening", "post_api_v1_participants_participant_id_screenings").sync_detailed(
        participant.id, client=authed, body=models.ScreeningCreate.from_dict({
            "form_version": form.version, "answers": answers})), 201)
    assert screening.outcome == models.ScreeningOutcome.CLEAR and screening.is_valid
    clearance = ok(api("screening", "get_api_v1_plans_plan_id_clearance").sync_detailed(plan.id, client=authed), 200)
    assert clearance.status in (models.ClearanceStatus.CLEAR, models.ClearanceStatus.CAUTION)
    assert [p.participant_id for p in clearance.participants] == [participant.id]

    # agenda: JSON through the typed call, PDF through the client's own HTTP session
    agenda_api = api("agendas", "get_api_v1_plans_plan_id_agenda")
    agenda = agenda_api.sync_detailed(plan.id, client=authed, format_=models.GetApiV1PlansPlanIdAgendaFormat.JSON)
    assert agenda.status_code == 200 and agenda.headers["ETag"]
    assert "Day 1" in agenda.content.decode()
    pdf = authed.get_httpx_client().get(f"/api/v1/plans/{plan.id}/agenda", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.headers["Content-Type"].startswith("application/pdf")
    assert pdf.content.startswith(b"%PDF") and "attachment" not in pdf.headers["Content-Disposition"]

    # refresh with the refresh token, then log out
    refresher = client_mod.AuthenticatedClient(base_url=live_server, token=tokens.refresh_token)
    fresh = ok(api("auth", "post_api_v1_auth_refresh").sync_detailed(client=refresher), 200)
    assert fresh.access_token
    assert api("auth", "post_api_v1_auth_logout").sync_detailed(client=authed).status_code == 204
    assert api("auth", "get_api_v1_me").sync_detailed(client=authed).status_code == 401
