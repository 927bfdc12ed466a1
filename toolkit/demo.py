"""`flask --app app seed --demo`: a demo practice with fake people, a group of each kind and a
three-day retreat, so a new user can try every endpoint at once. Idempotent: run twice, get one demo."""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from .attendance.services import replace_sheet
from .auth.models import Therapist
from .auth.services import create_therapist, register_practice
from .common.zones import get_zone
from .exercises.models import ExerciseModule
from .extensions import db
from .groups.services import add_member, create_group, remove_member
from .notes.services import create_note, sign_note
from .notifications.demo import add_notification_demo
from .participants.services import create_participant
from .plans.services import create_plan, replace_items
from .progress.demo import add_progress_demo
from .safety_plans.demo import add_safety_plan_demo
from .safety_plans.services import create_safety_plan
from .screening.answers import valid_answers
from .screening.services import current_form, submit_screening
from .series.services import create_series, sessions_of
from .tenancy import set_practice

DEMO_EMAIL = "demo-admin@example.org"
DEMO_PASSWORD = "demo-password-change-me"
# Obviously invented names: no real person's data anywhere.
PEOPLE = ["Avery Sample", "Blake Placeholder", "Casey Example", "Devon Testcase", "Emery Fictional",
          "Finley Madeup", "Gray Demo", "Harper Invented", "Indigo Pretend", "Jules Mock"]
RETREAT_DAYS = [
    ("Day 1 - Arriving and meeting little me", ["group-agreements", "opening-check-in", "what-is-inner-child-work",
                                                None, "younger-self-visualisation", "sharing-round",
                                                "closing-grounding"]),
    ("Day 2 - Needs, letters and play", ["opening-check-in", "what-little-me-needed", None,
                                         "dear-little-me-letter", "childhood-play-retreat", "sharing-round",
                                         "closing-container"]),
    ("Day 3 - Taking it home", ["eyes-open-grounding", "self-compassion-practice", "personal-mantra", None,
                                "sharing-round", "closing-grounding", "inner-child-journal"]),
]

EMERGENCY = ("Alex Sample (partner)", "Jo Placeholder (friend)", "Pat Example (parent)")  # invented, like the rest
GUIDE_LEADS = {"younger-self-visualisation", "dear-little-me-letter", "sharing-round", "eyes-open-grounding"}


def create_demo() -> str:
    existing = db.session.scalars(select(Therapist).where(Therapist.email == DEMO_EMAIL)
                                  .execution_options(all_practices=True)).first()
    if existing is not None:
        return f"demo practice already exists: log in as {DEMO_EMAIL} / {DEMO_PASSWORD}"
    admin = register_practice(practice_name="Demo Practice (fictional)", name="Dr. Demo Admin", email=DEMO_EMAIL,
                              password=DEMO_PASSWORD)
    set_practice(db.session, admin.practice_id)
    admin.practice.contact = ("Demo Practice office (fictional): hello@example.org, weekdays 9-17. Out of hours: "
                              "call your local crisis line, or your local emergency number in an emergency.")
    admin.practice.emergency_contact = "999 (UK emergency services)"  # issue 31: a retreat abroad has its own
    guide = create_therapist(practice_id=admin.practice_id, name="Sam Trauma-Informed",
                             email="demo-therapist@example.org", password=DEMO_PASSWORD,
                             trauma_informed=True, clinical_lead=True, credentials="Fictional licensed counsellor",
                             phone="07700 900123")
    people = [create_participant(data={"display_name": name, "dietary_notes": "No nuts" if i == 2 else None,
                                       "date_of_birth": date(1975 + 3 * i, 1 + i, 10 + i),
                                       "emergency_contact": f"{EMERGENCY[i % 3]} 07700 900{100 + i}"},
                                 actor=admin) for i, name in enumerate(PEOPLE)]
    form = current_form()
    for index, person in enumerate(people):
        raised = {"dissociation_1": 2, "dissociation_2": 2} if index == 3 else None
        answers = valid_answers(form.to_dict(), raised)
        submit_screening(participant=person, data={"form_version": form.version, "answers": answers}, actor=guide)
    builtins = select(ExerciseModule).where(ExerciseModule.practice_id.is_(None))
    modules = {m.slug: m for m in db.session.scalars(builtins)}
    start = date.today() + timedelta(days=30)
    groups = {
        "individual": create_group(data={"kind": "individual", "name": "Avery - individual work",
                                    "timezone": "Europe/London", "facilitator_ids": [guide.id]}),
        "couples": create_group(data={"kind": "couples", "name": "Blake & Casey - couples sessions",
                                 "timezone": "Europe/London", "facilitator_ids": [guide.id]}),
        "family": create_group(data={"kind": "family", "name": "The Testcase family", "timezone": "Europe/London"}),
        "retreat": create_group(data={"kind": "retreat", "name": "Spring inner child retreat", "capacity": 12,
                                 "timezone": "Europe/Berlin", "location": "Lakeside retreat centre (fictional)",
                                 "emergency_contact": "112 (emergency, Germany); centre night porter "
                                                      "+49 30 0000 0000 (fictional)",
                                 "description": "Three gentle days for adults who want to meet and care for their "
                                                "younger self, in a small group with two facilitators.",
                                 "starts_on": start, "ends_on": start + timedelta(days=2),
                                 "facilitator_ids": [admin.id, guide.id]}),
    }
    add_member(group=groups["individual"], participant_id=people[0].id)
    for person in people[1:3]:
        add_member(group=groups["couples"], participant_id=person.id)
    for person in people[3:6]:
        add_member(group=groups["family"], participant_id=person.id)
    for person in people:
        add_member(group=groups["retreat"], participant_id=person.id)
    # Issue 18: a late booking not yet screened, so the agenda's status box has someone to stop.
    add_member(group=groups["retreat"],
               participant_id=create_participant(data={"display_name": "Kit Latecomer"}, actor=admin).id)
    # Issue 31: a member on a crisis hold (a defer screening, no review yet): the agenda's "What to do" box.
    held = create_participant(data={"display_name": "Morgan Holdexample", "dietary_notes": "Vegetarian",
                                    "date_of_birth": date(1988, 6, 14),
                                    "emergency_contact": "Robin Holdexample (sibling) 07700 900999"}, actor=admin)
    submit_screening(participant=held, data={"form_version": form.version,
                                             "answers": valid_answers(form.to_dict(), {"asq_1": 1})}, actor=guide)
    add_member(group=groups["retreat"], participant_id=held.id)
    create_safety_plan(participant=held, actor=guide, sections={
        "warning_signs": ["Not sleeping for two nights"], "internal_coping": ["A long shower, then tea"],
        "people_to_ask": [{"name": "Robin Holdexample (sibling, fictional)", "contact": "07700 900999"}]})
    zone = get_zone("Europe/Berlin")
    for offset, (title, slugs) in enumerate(RETREAT_DAYS):
        starts_at = datetime.combine(start + timedelta(days=offset), time(9, 30), tzinfo=zone)
        # Issue 18: the trauma-informed guide leads the deeper items, the admin the rest; breaks have no lead.
        items = [{"module_id": modules[slug].id, "minutes": modules[slug].default_minutes,
                  "lead_id": (guide if modules[slug].intensity != "gentle" or slug in GUIDE_LEADS else admin).id}
                 if slug else {"module_id": None, "minutes": 20, "title": "Tea break"} for slug in slugs]
        if offset == 1:  # issue 18: a note with a long unbroken URL, which the PDF must wrap, not clip
            items[3]["notes"] = ("Spare envelopes: https://supplies.example.org/retreat/spring-2027/envelopes?"
                                 "order=day-2-letters-and-play-c5-envelopes-for-every-participant-8f3a9c2e7b1d")
        create_plan(data={"title": title, "group_id": groups["retreat"].id, "starts_at": starts_at, "items": items,
                     "target_minutes": 240, "status": "draft" if offset == 2 else "final"})
    series = _weekly_programme(admin, guide, people, modules)
    # Issue 20: re-screens in the 8-week group (one improvement, one deterioration). Kept separate.

    add_progress_demo(admin=admin, guide=guide, people=people, modules=modules)
    # Issue 29: a safety plan (two versions) and a few kept emails in the outbox.
    add_safety_plan_demo(participant=people[3], actor=guide)
    add_notification_demo(practice=admin.practice, therapists=[admin, guide])
    # Issue 29: someone on the waiting list answers the suicide item at intake: the demo's one open crisis alert.
    waiting = create_participant(data={"display_name": "Robin Fictitious", "date_of_birth": date(1991, 7, 19)},
                                 actor=admin)
    submit_screening(participant=waiting, actor=guide, data={
        "form_version": form.version, "answers": valid_answers(form.to_dict(), {"phq9_9": 1})})
    # Issue 30: the group agreement (signed by the weekly group), a pending and a completed invitation.
    from .selfreport.demo import add_participant_demo

    add_participant_demo(admin=admin, guide=guide, group_id=series.group_id, pending=people[0])
    db.session.commit()
    set_practice(db.session, None)
    return (f"demo practice created ({datetime.now(UTC):%Y-%m-%d}): log in as {DEMO_EMAIL} / {DEMO_PASSWORD} "
            f"(retreat group id {groups['retreat'].id}, weekly group series id {series.id})")


WEEKLY = ["opening-check-in", "what-little-me-needed", "sharing-round", "closing-grounding"]
# Three sessions are held already: week 1 with everyone, week 2 with two absences, week 3 after one member left.
HELD = [{0: "present", 1: "present", 2: "present", 3: "present", 4: "present", 5: "present"},
        {0: "present", 1: "late", 2: "excused", 3: "present", 4: "no_show", 5: "present"},
        {0: "present", 1: "present", 2: "present", 3: "left_early", 4: "present"}]


def _weekly_programme(admin, guide, people, modules):
    """An 8-week closed therapy group (kind `group`) made from a template by a series: attendance for the
    sessions held so far, a signed note for week 1, and the visualisation in week 4 (after the agreements
    and a grounding in week 1)."""

    zone = get_zone("Europe/London")
    first_day = datetime.now(zone).date() - timedelta(days=15)
    group = create_group(data={"kind": "group", "name": "Thursday evening inner child group", "capacity": 8,
                          "closed": True, "timezone": "Europe/London", "starts_on": first_day,
                          "location": "Room 2, Example Street Clinic (fictional)", "facilitator_ids": [guide.id]})
    members = people[4:10]
    for person in members:
        add_member(group=group, participant_id=person.id, joined_on=first_day)
    template = create_plan(data={"title": "Weekly inner child group", "target_minutes": 90, "items": [
        {"module_id": modules[slug].id, "minutes": modules[slug].default_minutes} for slug in WEEKLY]})
    series = create_series(actor=guide, group_id=group.id, template_id=template.id,
                           first_starts_at=datetime.combine(first_day, time(18, 30), tzinfo=zone), count=8,
                           skip_dates=[first_day + timedelta(weeks=5)])  # a holiday week: no session
    sessions = sessions_of(series)
    replace_items(plan=sessions[0], items=[{"module_id": modules[slug].id, "minutes": modules[slug].default_minutes}
                                for slug in ["group-agreements", "opening-check-in", "what-is-inner-child-work",
                                             "sharing-round", "closing-grounding"]])
    replace_items(plan=sessions[3], items=[{"module_id": modules[slug].id, "minutes": modules[slug].default_minutes}
                                for slug in ["opening-check-in", "younger-self-visualisation", "sharing-round",
                                             "closing-container"]])
    remove_member(group=group, participant_id=members[5].id, left_on=first_day + timedelta(weeks=2))
    for plan, statuses in zip(sessions, HELD, strict=False):
        replace_sheet(plan=plan, actor=guide, records=[
            {"participant_id": members[i].id, "status": status, "note": None} for i, status in statuses.items()])
    note = create_note(plan=sessions[0], actor=guide,
                       shared="Week 1: agreements made together, a first look at what inner child work is, an "
                              "easy sharing round. The group settled quickly.",
                       entries=[{"participant_id": members[0].id, "text": "Spoke first in the round; relaxed."},
                                {"participant_id": members[3].id,
                                 "text": "Quiet today; chose to pass in the round and said that felt right."}])
    sign_note(note=note, actor=guide)
    return series
