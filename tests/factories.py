"""Factories shared by the test modules: valid request bodies, agenda documents, whole practices.

Test modules import builders from here (and fixtures from conftest.py), never from each other."""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_migrate import upgrade

from tests.helpers import answers_for, if_match
from toolkit import create_app
from toolkit.agendas.document import AgendaDocument, AgendaItem, AgendaPlan, ClearanceLine, group_by_day
from toolkit.config import Config
from toolkit.exercises.rules import Material
from toolkit.extensions import db
from toolkit.plans.rules import ItemInput, ModuleInfo, compute_plan

# --- modules -------------------------------------------------------------------------------------------------


def module_payload(**overrides):
    """A valid custom module; `overrides` replace fields (None removes one)."""
    body = {
        "slug": f"custom-{uuid.uuid4().hex[:8]}",
        "title": "Garden of small things",
        "summary": "A quiet noticing exercise in the practice's own words.",
        "participant_summary": "A gentle noticing exercise.",
        "category": "exercise",
        "steps": ["Settle with three breaths.", "Notice one small thing you liked as a child."],
        "facilitator_script": "Invite everyone to settle, then to notice.",
        "default_minutes": 20,
        "min_minutes": 10,
        "max_minutes": 30,
        "materials": [{"name": "Paper", "quantity": 1, "per_participant": True}],
        "suitable_kinds": ["individual", "retreat"],
        "frameworks": ["act"],
        "targets": ["anxiety"],
        "intensity": "gentle",
        "setting": "in_session",
        "contraindications": [{"flag": "dissociation", "action": "adapt", "adaptation": "Keep eyes open."}],
    }
    for key, value in overrides.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return body


# --- agenda documents (no database) ----------------------------------------------------------------------


BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

# Distinctive markers for everything a participant must never see.
SCRIPT = "FACSCRIPT-7731 say this slowly"
STEP = "STEPMARK-8812 close your eyes"
SUMMARY = "MODSUMMARY-1204 for clients with attachment wounds"
ITEM_NOTE = "ITEMNOTE-5521 watch Zelda's breathing"
PLAN_NOTE = "PLANNOTE-4410 Zelda had a hard week"
MEMBER = "Zelda Quarantotto"
REASON = "CLEARREASON-9090 dissociation score 7"
ADAPTATION = "ADAPTTEXT-3131 eyes open grounding"
SECRETS = (SCRIPT, STEP, SUMMARY, ITEM_NOTE, PLAN_NOTE, MEMBER, REASON, ADAPTATION, "FACSCRIPT", "Zelda")
PUBLIC_SUMMARY = "PSUMMARY-OK We write a kind letter."

MODULES = {
    "open": ModuleInfo(id="open", title="Arrival check-in", category="opening"),
    "letter": ModuleInfo(id="letter", title="Letter to your younger self", category="exercise"),
    "photo": ModuleInfo(id="photo", title="Childhood photo reflection", category="reflection"),
    "close": ModuleInfo(id="close", title="Closing circle", category="closing"),
}
DETAILS = {
    "open": {
        "participant_summary": "We arrive and settle.",
        "materials": (Material(name="Name tags", quantity=1, per_participant=True), ("Bell", 1, False)),
    },
    "letter": {
        "participant_summary": PUBLIC_SUMMARY,
        "summary": SUMMARY,
        "steps": (STEP, "Read the letter aloud if you wish"),
        "facilitator_script": SCRIPT,
        # Participants use the paper and pens (the handout lists them); the bell and tissues are the kit.
        "materials": (Material(name="Paper", quantity=2, per_participant=True, for_participants=True),
                      Material(name="Pens", quantity=1, per_participant=True, for_participants=True)),
    },
    "photo": {
        "participant_summary": "Bring a photo of yourself as a child.",
        "materials": (("paper", 1, True),),
    },
    "close": {
        "participant_summary": "We close together.",
        "materials": (("Bell", 1, False), ("Tissues", 3, False)),
    },
}


def make_plan(plan_id, title, starts_at, entries, *, notes="", tz="Europe/Berlin", item_notes=None):
    """Build an AgendaPlan the way the service layer will: times from compute_plan."""
    items = [ItemInput(module_id=m, minutes=n) for m, n in entries]
    schedule = compute_plan(
        starts_at=starts_at,
        items=items,
        modules=MODULES,
        group_kind="retreat",
        target_minutes=None,
        timezone=tz,
    )
    agenda_items = []
    for s in schedule.items:
        extra = DETAILS.get(s.module_id, {}) if s.module_id else {}
        agenda_items.append(
            AgendaItem(
                item_id=f"{plan_id}-i{s.position}",
                position=s.position,
                title=MODULES[s.module_id].title if s.module_id else "Tea break",
                is_break=s.is_break,
                starts_at=s.starts_at,
                ends_at=s.ends_at,
                minutes=s.minutes,
                category=MODULES[s.module_id].category if s.module_id else None,
                notes=(item_notes or {}).get(s.position, ""),
                **extra,
            )
        )
    return AgendaPlan(
        plan_id=plan_id,
        title=title,
        starts_at=schedule.starts_at,
        ends_at=schedule.ends_at,
        notes=notes,
        items=tuple(agenda_items),
    )


def retreat_plans():
    return [
        # Deliberately out of order: group_by_day sorts.
        make_plan(
            "p3",
            "Sunday morning",
            datetime(2027, 4, 4, 9, 30, tzinfo=BERLIN),
            [("open", 15), ("photo", 40), ("close", 15)],
        ),
        make_plan(
            "p1",
            "Saturday morning",
            datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN),
            [("open", 20), ("letter", 45), (None, 15), ("close", 20)],
            notes=PLAN_NOTE,
            item_notes={1: ITEM_NOTE},
        ),
        make_plan(
            "p2",
            "Saturday afternoon",
            datetime(2027, 4, 3, 14, 0, tzinfo=BERLIN),
            [("open", 10), ("photo", 30), ("close", 10)],
        ),
    ]


CLEARANCE = (
    ClearanceLine(
        member_name=MEMBER,
        plan_title="Saturday morning",
        item_title="Letter to your younger self",
        verdict="adapt",
        adaptation=ADAPTATION,
        reasons=(REASON,),
    ),
    ClearanceLine(
        member_name="Yusuf Okonkwo",
        plan_title=None,
        item_title=None,
        verdict="blocked",
        reasons=("acute crisis: defer",),
    ),
)


def make_doc(
    *, audience="facilitator", paper="a4", plans=None, clearance=CLEARANCE, tz="Europe/Berlin", **kw
):
    plans = retreat_plans() if plans is None else plans
    values = {
        "practice_name": "Willow Tree Therapy",
        "group_name": "Spring Retreat",
        "group_kind": "retreat",
        "timezone": tz,
        "location": "Lakeside House, Room 2",
        "audience": audience,
        "paper": paper,
        "generated_for_date": date(2027, 4, 1),
        "member_count": 6,
        "days": group_by_day(plans, tz),
        "clearance": clearance,
    }
    values.update(kw)
    return AgendaDocument(**values)


def fresh_app(url):
    """A second, empty database of this service: migrated and seeded, like `flask db upgrade && flask seed`."""
    import tempfile

    own = tempfile.mkdtemp(prefix="toolkit-fresh-")  # its own audit anchor file: one file per database
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False,
                            AUDIT_ANCHOR_PATH=f"{own}/audit-anchors.log",
                            AUDIT_UNDELIVERED_PATH=f"{own}/audit-undelivered.jsonl"))
    app.config["TESTING"] = True
    with app.app_context():
        from toolkit.exercises.seed import load_builtins

        upgrade()
        load_builtins()
        db.session.commit()
    return app


def build_practice(client, who, create_participant, create_group):
    h = who["headers"]
    people = [create_participant(by=who, date_of_birth="1980-02-03", consent_date="2026-01-10") for _ in range(3)]
    group = create_group(by=who, facilitator_ids=[who["therapist_id"]], starts_on="2027-04-01")
    for person in people[:2]:
        r = client.post(f"/api/v1/groups/{group['id']}/members", headers=h, json={"participant_id": person["id"]})
        assert r.status_code == 201, r.get_json()
    custom = client.post("/api/v1/modules", headers=h, json=module_payload()).get_json()
    builtin = client.get("/api/v1/modules", headers=h, query_string={"page_size": 1}).get_json()[0]
    r = client.post("/api/v1/plans", headers=h, json={
        "title": "Day 1", "group_id": group["id"], "starts_at": "2027-04-01T09:00:00+02:00",
        "items": [{"module_id": builtin["id"], "minutes": builtin["default_minutes"]},
                  {"module_id": custom["id"], "minutes": 20, "notes": "Our own"},
                  {"minutes": 10, "title": "Tea"}]})
    assert r.status_code == 201, r.get_json()
    form = client.get("/api/v1/screening/form", headers=h).get_json()
    r = client.post(f"/api/v1/participants/{people[0]['id']}/screenings", headers=h,
                    json={"form_version": form["version"], "answers": answers_for(form)})
    assert r.status_code == 201, r.get_json()
    r = client.post(f"/api/v1/screenings/{r.get_json()['id']}/override", headers=h,
                    json={"outcome": "caution", "reason": "Recent loss mentioned in the interview."})
    assert r.status_code in (200, 201), r.get_json()
    changing = if_match(client, f"/api/v1/therapists/{who['therapist_id']}", h)
    r = client.patch(f"/api/v1/therapists/{who['therapist_id']}", headers=changing, json={"clinical_lead": True})
    assert r.status_code == 200, r.get_json()
    r = client.post(f"/api/v1/participants/{people[1]['id']}/screenings", headers=h,
                    json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})})
    assert r.status_code == 201, r.get_json()
    r = client.post(f"/api/v1/participants/{people[1]['id']}/crisis-reviews", headers=h, json={
        "screening_id": r.get_json()["id"], "summary": "Safety plan agreed with the GP.", "risk_level": "moderate",
        "safety_plan_id": safety_plan(client, who, people[1]["id"]), "follow_up_on": "2099-01-02"})
    assert r.status_code == 201, r.get_json()
    return builtin


@contextmanager
def demo_app(path) -> Iterator:
    """A fresh SQLite database at `path` holding the demo (`flask seed --demo`'s data); yields the app (no
    context pushed). Log in with the demo's admin. Used by the offline pack tests (issue 31)."""
    from toolkit.demo import create_demo
    from toolkit.exercises.seed import load_builtins

    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}", RATELIMIT_ENABLED=False))
    with app.app_context():
        upgrade()
        load_builtins()
        db.session.commit()
        create_demo()
        db.session.remove()
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@contextmanager
def demo_retreat(path) -> Iterator[Callable[..., AgendaDocument]]:
    """A fresh SQLite database at `path` holding the demo (`flask seed --demo`'s data); yields
    `build(audience="facilitator", detail="plans")`, the demo retreat's agenda document as the API builds it
    (inside the app context, scoped to the demo practice). Used by the demo PDF tests and
    scripts/agenda_pictures.py."""
    from sqlalchemy import select

    from toolkit.agendas import services
    from toolkit.demo import create_demo
    from toolkit.exercises.seed import load_builtins
    from toolkit.groups.models import Group
    from toolkit.tenancy import set_practice

    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}", RATELIMIT_ENABLED=False))
    with app.app_context():
        upgrade()
        load_builtins()
        db.session.commit()
        create_demo()
        group = db.session.scalars(select(Group).where(Group.kind == "retreat")
                                   .execution_options(all_practices=True)).first()
        set_practice(db.session, group.practice_id)
        plans = services.plans_of_group(group)

        def build(audience: str = "facilitator", detail: str = "plans") -> AgendaDocument:
            return services.build_document(plans=plans, group=group, practice_id=group.practice_id,
                                           audience=audience, paper="a4", detail=detail)

        try:
            yield build
        finally:
            db.session.remove()
            db.engine.dispose()


def shift_person(app, participant_id: str, hours: float) -> None:
    """Move a person's whole safety history (screenings, overrides, crisis and progress reviews) `hours` into
    the past, order kept: the way a test lets a day pass between a review and the next screening."""
    from datetime import timedelta

    from sqlalchemy import select

    from toolkit.extensions import db
    from toolkit.progress.models import ProgressReview
    from toolkit.screening.models import CrisisReview, Screening, ScreeningOverride
    from toolkit.tenancy import across_practices

    delta = timedelta(hours=hours)
    with app.app_context(), across_practices(db.session):
        for row in db.session.scalars(select(Screening).where(Screening.participant_id == participant_id)):
            row.screened_at -= delta
            row.valid_until -= delta
            for override in db.session.scalars(select(ScreeningOverride)
                                               .where(ScreeningOverride.screening_id == row.id)):
                override.at -= delta
        for model in (CrisisReview, ProgressReview):
            for review in db.session.scalars(select(model).where(model.participant_id == participant_id)):
                review.at -= delta
        db.session.commit()


SAFETY_PLAN = {
    "warning_signs": ["Not sleeping"], "internal_coping": ["A walk round the park"],
    "social_contacts": [{"name": "The climbing wall"}], "people_to_ask": [{"name": "A friend"}],
    "professionals": [{"name": "The GP surgery"}], "environment_safety": ["Tablets kept by a friend"],
    "reasons_for_living": ["My garden"],
}


def safety_plan(client, who, participant_id: str) -> str:
    """A new current safety plan for the person (what a crisis review names); returns its id."""
    r = client.post(f"/api/v1/participants/{participant_id}/safety-plans", headers=who["headers"], json=SAFETY_PLAN)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["id"]


def crisis_review(client, who, participant_id: str, screening_id: str, follow_up_on: str, **fields) -> dict:
    """A crisis review body as the API wants it since version 3: the crisis screening it reviews, a summary,
    the risk level and the person's current safety plan (made here)."""
    return {"screening_id": screening_id, "summary": "Met with the person; a coping plan is agreed.",
            "risk_level": "moderate", "safety_plan_id": safety_plan(client, who, participant_id),
            "follow_up_on": follow_up_on, **fields}


# --- people, activity, plans used by several modules ------------------------------------------------------

ADULT = {"date_of_birth": "1980-04-02", "contact": "Phone 0123; pat@example.org"}  # a participant with an email


def activity(client, who, create_participant, n=3):
    """`n` new participants of `who`'s practice, each read once (a create and a read event each)."""
    for _ in range(n):
        pid = create_participant(by=who)["id"]
        assert client.get(f"/api/v1/participants/{pid}", headers=who["headers"]).status_code == 200


def modules_by_slug(client, who) -> dict:
    return {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=who["headers"]).get_json()}


def long_plans(client, who, group_id, count, mods) -> list[str]:
    """`count` dated seven-item plans of the group (three a day from 1 May 2027), with long notes: PDFs of
    several pages."""
    slugs = ["group-agreements", "opening-check-in", "younger-self-visualisation", "dear-little-me-letter",
             "sharing-round", "what-little-me-needed", "closing-grounding"]
    ids = []
    for n in range(count):
        items = [{"module_id": mods[s]["id"], "minutes": 15, "notes": "Keep tissues at hand. " * 5} for s in slugs]
        r = client.post("/api/v1/plans", headers=who["headers"], json={
            "title": f"Session {n + 1}", "group_id": group_id, "items": items,
            "starts_at": f"2027-05-{1 + n // 3:02d}T{9 + 3 * (n % 3):02d}:00:00+02:00"})
        assert r.status_code == 201, r.get_json()
        ids.append(r.get_json()["id"])
    return ids
