"""Agenda endpoints through HTTP: formats and negotiation, audiences, files, ETag/304, empty agendas,
time zones across a DST change, and a constant number of queries for a whole retreat."""

import io
import uuid
from datetime import datetime

import icalendar
import pytest
from pypdf import PdfReader
from sqlalchemy import event

from tests.helpers import answers_for, assert_error

SCRIPT_MARKER = "Before we start the work itself"  # a line of the group-agreements facilitator script
NOTE_MARKER = "CLINICAL-NOTE-7d1e"
NAME_MARKER = "Quinn Zyxwv"


def _modules(client, who):
    mods = client.get("/api/v1/modules?page_size=100", headers=who["headers"]).get_json()
    return {m["slug"]: m for m in mods}





@pytest.fixture
def retreat(client, admin, create_group, create_participant):
    """A 3-day retreat in Europe/Berlin across the spring DST change, 2 members (one flagged), 3 plans."""
    mods = _modules(client, admin)
    group = create_group(name="Spring Retreat", kind="retreat", capacity=10, timezone="Europe/Berlin",
                         location="Lakeside lodge", starts_on="2027-03-27")
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    members = [create_participant(display_name=NAME_MARKER), create_participant(display_name="Robin Other")]
    for index, person in enumerate(members):
        r = client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": person["id"]},
                        headers=admin["headers"])
        assert r.status_code == 201
        raised = {"dissociation_1": 2, "dissociation_2": 2} if index == 0 else None
        r = client.post(f"/api/v1/participants/{person['id']}/screenings",
                        json={"form_version": form["version"], "answers": answers_for(form, raised)},
                        headers=admin["headers"])
        assert r.status_code == 201, r.get_json()
    plans = []
    days = ["2027-03-27T09:00:00+01:00", "2027-03-28T09:00:00+02:00", "2027-03-29T09:00:00+02:00"]
    for day, start in enumerate(days, 1):
        items = [{"module_id": mods["group-agreements"]["id"], "minutes": 10, "notes": NOTE_MARKER},
                 {"module_id": mods["younger-self-visualisation"]["id"], "minutes": 25},
                 {"module_id": None, "minutes": 15, "title": "Tea break"},
                 {"module_id": mods["childhood-favourite-foods"]["id"], "minutes": 20},
                 {"module_id": mods["closing-grounding"]["id"], "minutes": 10}]
        r = client.post("/api/v1/plans", json={"title": f"Day {day} session", "group_id": group["id"],
                                               "starts_at": start, "items": items, "notes": NOTE_MARKER},
                        headers=admin["headers"])
        assert r.status_code == 201, r.get_json()
        plans.append(r.get_json())
    return {"group": group, "plans": plans, "members": members}


def get(client, who, url, **headers):
    return client.get(url, headers={**who["headers"], **headers})


@pytest.mark.parametrize("fmt, ctype", [("pdf", "application/pdf"), ("html", "text/html"),
                                        ("md", "text/markdown"), ("ics", "text/calendar"),
                                        ("json", "application/json")])
def test_each_format_by_query_with_a_file_name(client, admin, retreat, fmt, ctype):
    r = get(client, admin, f"/api/v1/groups/{retreat['group']['id']}/agenda?format={fmt}")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith(ctype)
    assert r.headers["ETag"]
    if fmt != "json":
        assert f'filename="spring-retreat-2027-03-27-agenda.{fmt}"' in r.headers["Content-Disposition"]


def test_format_by_accept_and_query_wins(client, admin, retreat):
    url = f"/api/v1/plans/{retreat['plans'][0]['id']}/agenda"
    assert get(client, admin, url, Accept="text/calendar").headers["Content-Type"].startswith("text/calendar")
    assert get(client, admin, url, Accept="text/markdown").headers["Content-Type"].startswith("text/markdown")
    r = get(client, admin, url + "?format=md", Accept="application/pdf")
    assert r.headers["Content-Type"].startswith("text/markdown")
    body = assert_error(get(client, admin, url, Accept="image/png"), 406)
    assert "pdf" in str(body["errors"])
    body = assert_error(get(client, admin, url + "?format=docx"), 422)
    assert "pdf" in str(body["errors"]["format"])


def test_pdf_lists_days_in_order_with_times_in_the_group_zone(client, admin, retreat):
    r = get(client, admin, f"/api/v1/groups/{retreat['group']['id']}/agenda?format=pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(r.data)).pages)
    positions = [text.index(f"Day {n} session") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "Spring Retreat" in text and "Page 1 of" in text
    assert "09:00" in text  # every day starts at 09:00 local, before and after the DST change
    assert SCRIPT_MARKER in text.replace("\n", " ")  # the facilitator copy has the script
    assert "Tea break" in text


def test_participant_handout_has_no_clinical_data(client, admin, retreat):
    url = f"/api/v1/groups/{retreat['group']['id']}/agenda?audience=participant"
    for fmt in ("html", "md", "json", "ics"):
        body = get(client, admin, f"{url}&format={fmt}").get_data(as_text=True)
        for marker in (NAME_MARKER, NOTE_MARKER, SCRIPT_MARKER, "dissociation", "caution", "defer"):
            assert marker not in body, (fmt, marker)
        assert "Day 1 session" in body or "Day 1 session".replace(" ", "\\ ") in body
    pdf = get(client, admin, f"{url}&format=pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert NAME_MARKER not in text and NOTE_MARKER not in text and SCRIPT_MARKER not in text
    assert "Day 1 session" in text


def test_facilitator_agenda_shows_the_clearance_summary(client, admin, retreat):
    html = get(client, admin, f"/api/v1/groups/{retreat['group']['id']}/agenda?format=html").get_data(as_text=True)
    assert NAME_MARKER in html and NOTE_MARKER in html
    assert "eyes open" in html.lower()  # the visualisation's adaptation for dissociation


def test_ics_has_stable_uids_tzid_and_no_clinical_data(client, admin, retreat):
    url = f"/api/v1/groups/{retreat['group']['id']}/agenda?format=ics"
    first = icalendar.Calendar.from_ical(get(client, admin, url).data)
    again = icalendar.Calendar.from_ical(get(client, admin, url).data)
    events = [e for e in first.walk("VEVENT")]
    assert len(events) == 3
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again.walk("VEVENT")]
    starts = [e.decoded("DTSTART") for e in events]
    assert all(str(s.tzinfo) == "Europe/Berlin" for s in starts)
    assert [s.hour for s in starts] == [9, 9, 9]
    assert [s.utcoffset().total_seconds() / 3600 for s in starts] == [1, 2, 2]  # across the DST change
    assert all(str(e["LOCATION"]) == "Lakeside lodge" for e in events)
    assert NOTE_MARKER not in first.to_ical().decode() and NAME_MARKER not in first.to_ical().decode()
    detail = icalendar.Calendar.from_ical(get(client, admin, url + "&detail=items").data)
    assert len(list(detail.walk("VEVENT"))) == 3 * 4  # one per item, breaks excluded


def test_etag_answers_304_and_changes_with_the_data(client, admin, retreat):
    plan = retreat["plans"][0]
    url = f"/api/v1/plans/{plan['id']}/agenda?format=pdf"
    first = get(client, admin, url)
    tag = first.headers["ETag"]
    again = get(client, admin, url, **{"If-None-Match": tag})
    assert again.status_code == 304 and not again.data
    current = get(client, admin, f"/api/v1/plans/{plan['id']}")
    r = client.patch(f"/api/v1/plans/{plan['id']}", json={"title": "Renamed day"},
                     headers={**admin["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == 200
    changed = get(client, admin, url, **{"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    # different audiences and formats are different representations
    assert get(client, admin, url + "&audience=participant").headers["ETag"] != changed.headers["ETag"]


def test_paper_size(client, admin, retreat):
    url = f"/api/v1/plans/{retreat['plans'][0]['id']}/agenda?format=pdf"
    a4 = PdfReader(io.BytesIO(get(client, admin, url).data)).pages[0].mediabox
    letter = PdfReader(io.BytesIO(get(client, admin, url + "&paper=letter").data)).pages[0].mediabox
    assert round(float(a4.width)) == 595 and round(float(letter.width)) == 612


def test_empty_agendas_render_a_message(client, admin, create_group):
    empty_group = create_group(name="Quiet group", kind="retreat", capacity=4)
    for fmt in ("html", "md", "json", "ics", "pdf"):
        r = get(client, admin, f"/api/v1/groups/{empty_group['id']}/agenda?format={fmt}")
        assert r.status_code == 200, (fmt, r.get_data(as_text=True)[:200])
    assert "No sessions are planned" in get(client, admin,
                                            f"/api/v1/groups/{empty_group['id']}/agenda?format=html").get_data(
        as_text=True)
    template = client.post("/api/v1/plans", json={"title": "Empty template", "starts_at": "2027-05-01T10:00:00+00:00"},
                           headers=admin["headers"]).get_json()
    r = get(client, admin, f"/api/v1/plans/{template['id']}/agenda?format=md")
    assert r.status_code == 200 and "no items yet" in r.get_data(as_text=True)


def test_another_practice_gets_404(client, other, retreat):
    assert_error(get(client, other, f"/api/v1/groups/{retreat['group']['id']}/agenda?format=pdf"), 404)
    assert_error(get(client, other, f"/api/v1/plans/{retreat['plans'][0]['id']}/agenda"), 404)
    assert_error(get(client, other, f"/api/v1/plans/{uuid.uuid4()}/agenda"), 404)


# A retreat's JSON agenda, uncached, whatever its plans and members (issue 32: a tested constant).
GROUP_AGENDA_STATEMENTS = 20


def test_group_agenda_queries_do_not_grow_with_the_retreat(app, client, register, create_group,
                                                          create_participant):
    from toolkit.extensions import db

    def build(who, n_plans, n_members):
        group = create_group(by=who, name="Q", kind="retreat", capacity=50, timezone="Europe/Berlin")
        mods = _modules(client, who)
        for _ in range(n_members):
            person = create_participant(by=who)
            client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": person["id"]},
                        headers=who["headers"])
        for day in range(n_plans):
            items = [{"module_id": m["id"], "minutes": m["default_minutes"]} for m in list(mods.values())[:6]]
            start = datetime(2027, 6, 1 + day, 9, 0).isoformat() + "+02:00"
            client.post("/api/v1/plans", json={"title": f"D{day}", "group_id": group["id"], "starts_at": start,
                                               "items": items}, headers=who["headers"])
        return group

    def count(who, group):
        statements = []

        def before(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        url = f"/api/v1/groups/{group['id']}/agenda?format=json"
        assert get(client, who, url).status_code == 200
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            assert get(client, who, url).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", before)
        return len(statements)

    small_owner, large_owner = register(practice_name="Small"), register(practice_name="Large")
    small = count(small_owner, build(small_owner, 1, 2))
    large = count(large_owner, build(large_owner, 4, 8))
    assert small == large == GROUP_AGENDA_STATEMENTS, (small, large)
