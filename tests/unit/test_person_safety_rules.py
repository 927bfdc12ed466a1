"""Safety follows the person (issue 27), as properties over *sequences*: screenings (declines, crises, rises),
overrides, crisis and progress reviews, memberships joined, left and re-joined in several groups, time
passing. Each step runs the functions the API runs: `intake.screen` to compute a screening, then
`clearance.rules.member_from_row` / `person_member` and `screening.clearance.clear_plan` for every group the
person is in. No Flask, no database. The oracles restate the rules of DESIGN.md plainly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.clearance.rules import PersonHistory, ProgressReviewEvent, member_from_row, person_member
from toolkit.exercises.rules import Contraindication
from toolkit.progress.rules import default_thresholds, membership_start
from toolkit.screening.clearance import ClearanceItem, clear_plan
from toolkit.screening.form_loader import default_form
from toolkit.screening.intake import screen
from toolkit.screening.rules import AnswersError
from toolkit.screening.safety import (
    RISK_LEVELS,
    OverrideEvent,
    ReviewEvent,
    ScreeningEvent,
    can_override,
    flags_of,
    latest_crisis,
)

FORM = default_form()
T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)
LONG_REASON = "Seen in supervision; the reason is written out in full."
GROUPS = ("weekly", "retreat", "couples")
CODES = [i.code for i in FORM.instruments]
TITLES = {i.code: i.title for i in FORM.instruments}
ITEMS = [ClearanceItem(item_id="deep", module_id="m-deep", module_title="Visualisation", intensity="deep",
                       contraindications=(Contraindication("dissociation", "adapt", "Eyes open."),)),
         ClearanceItem(item_id="letter", module_id="m-letter", module_title="Letter", intensity="moderate",
                       gate_on_deterioration=True),
         ClearanceItem(item_id="gentle", module_id="m-gentle", module_title="Check-in", intensity="gentle")]
RELIABLE = {"phq9": 6, "gad7": 4}


def lowest(**overrides) -> dict[str, int]:
    answers: dict[str, int] = {}
    for item in FORM.items:
        if item.is_enabled(answers):
            answers[item.id] = overrides.get(item.id, item.min_value)
    return answers


def spread(prefix: str, count: int, total: int) -> dict[str, int]:
    out, left = {}, total
    for n in range(1, count + 1):
        out[f"{prefix}_{n}"] = min(3, left)
        left -= out[f"{prefix}_{n}"]
    return out


@dataclass
class Taken:
    id: str
    at: datetime
    computed_outcome: str
    flags: list
    findings: list
    scores: dict
    overrides: list = field(default_factory=list)

    def event(self) -> ScreeningEvent:
        return ScreeningEvent(at=self.at, computed_outcome=self.computed_outcome, id=self.id,
                              overrides=tuple(OverrideEvent(o, at) for o, at, _ in self.overrides))


@dataclass
class Person:
    now: datetime = T0
    screenings: list[Taken] = field(default_factory=list)
    reviews: list[ReviewEvent] = field(default_factory=list)
    progress_reviews: list[ProgressReviewEvent] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)  # {group, joined_on, joined_at, left_on}


# --- the steps ----------------------------------------------------------------------------------------------

answers_st = st.fixed_dictionaries({
    "phq": st.integers(0, 24), "gad": st.integers(0, 21),
    "crisis": st.sampled_from((None, None, None, "phq9_9", "asq_1", "present_crisis_1")),
    "declined": st.lists(st.sampled_from(("phq9_1", "gad7_1", "younger_self_1", "dissociation_1", "asq_1",
                                          "present_crisis_2", "audit_c_1", "drug_use_1")), max_size=3, unique=True),
})
calm_st = st.fixed_dictionaries({"phq": st.integers(0, 9), "gad": st.integers(0, 7), "crisis": st.none(),
                                  "declined": st.just([])})
step_st = st.one_of(
    st.tuples(st.just("screen"), answers_st),
    st.tuples(st.just("a day later"), calm_st),
    st.tuples(st.just("advance"), st.sampled_from((timedelta(minutes=5), timedelta(hours=23), timedelta(hours=25),
                                                   timedelta(days=3), timedelta(days=40)))),
    st.tuples(st.just("override"), st.sampled_from(("clear", "caution", "refer", "defer")), st.booleans()),
    st.tuples(st.just("crisis_review"), st.sampled_from(RISK_LEVELS)),
    st.tuples(st.just("progress_review"), st.just(None)),
    st.tuples(st.just("join"), st.sampled_from(GROUPS)),
    st.tuples(st.just("leave"), st.sampled_from(GROUPS)),
)


def take_screening(person: Person, spec: dict) -> None:
    answers = lowest(**spread("phq9", 8, spec["phq"]), **spread("gad7", 7, spec["gad"]))
    if spec["crisis"]:
        answers = lowest(**{**{k: v for k, v in answers.items() if k.startswith(("phq9", "gad7"))},
                            spec["crisis"]: 1})
    declined = [d for d in spec["declined"] if d in answers]
    for item in declined:
        answers.pop(item)
    try:
        result = screen(FORM, answers, declined=declined, sex_at_birth=None)
    except AnswersError:
        return  # a decline the API would refuse as well (e.g. leaving a gate's follow-ups answered)
    person.screenings.append(Taken(id=f"s{len(person.screenings)}", at=person.now, computed_outcome=result.outcome,
                                   flags=[f.to_dict() for f in result.flags],
                                   findings=[n.to_dict() for n in result.notes], scores=result.scores_json()))


def apply(person: Person, step) -> None:
    kind, value = step[0], step[1]
    person.now += timedelta(seconds=1)
    if kind == "screen":
        take_screening(person, value)
    elif kind == "a day later":  # a crisis-free screening more than 24 hours on
        person.now += timedelta(hours=25)
        take_screening(person, value)
    elif kind == "advance":
        person.now += value
    elif kind == "override" and person.screenings:
        target = person.screenings[-1]
        current = target.overrides[-1][0] if target.overrides else target.computed_outcome
        if can_override(current=current, new=value, computed_flags=flags_of(target.flags), reason=LONG_REASON,
                        clinical_lead=step[2]):
            target.overrides.append((value, person.now, LONG_REASON))
    elif kind == "crisis_review":
        crisis = latest_crisis([s.event() for s in person.screenings])
        if crisis is not None:  # the API refuses (409) a review of anything but the latest crisis
            person.reviews.append(ReviewEvent(at=person.now, risk_level=value, screening_id=crisis.id,
                                              follow_up_on=person.now.date(), by="Lead"))
    elif kind == "progress_review" and person.screenings:
        person.progress_reviews.append(ProgressReviewEvent(at=person.now, screening_id=person.screenings[-1].id,
                                                           by="Lead", reason=LONG_REASON))
    elif kind == "join" and not any(m["group"] == value and m["left_on"] is None for m in person.memberships):
        person.memberships.append({"group": value, "joined_on": person.now.date(), "joined_at": person.now,
                                   "left_on": None})
    elif kind == "leave":
        for m in person.memberships:
            if m["group"] == value and m["left_on"] is None:
                m["left_on"] = person.now.date()


# --- what the API computes, for every group the person is in ---------------------------------------------


def clearances(person: Person) -> list[dict]:
    latest = person.screenings[-1] if person.screenings else None
    override = latest.overrides[-1] if latest and latest.overrides else None
    row = SimpleNamespace(
        participant_id="p", display_name="Pat", date_of_birth=date(1980, 1, 1), id=latest.id if latest else None,
        flags=latest.flags if latest else None, findings=latest.findings if latest else None,
        computed_outcome=latest.computed_outcome if latest else None,
        valid_until=latest.at + timedelta(days=90) if latest else None, screened_at=latest.at if latest else None,
        method="form", override_outcome=override[0] if override else None,
        override_reason=override[2] if override else None, override_at=override[1] if override else None,
        override_by_id="t" if override else None, override_by_name="Theo" if override else None)
    starts = [membership_start(m["joined_on"], m["joined_at"]) for m in person.memberships]
    history = PersonHistory(screenings=[s.event() for s in person.screenings], reviews=person.reviews,
                            scores={s.id: s.scores for s in person.screenings},
                            progress_reviews=person.progress_reviews, since=min(starts) if starts else None)
    member = person_member(member_from_row(row, person.now), history, now=person.now,
                           thresholds=default_thresholds(), instruments=CODES, titles=TITLES)
    open_groups = {m["group"] for m in person.memberships if m["left_on"] is None}
    return [clear_plan(members=[member], items=ITEMS, has_trauma_informed_facilitator=True, now=person.now,
                       session_end=person.now + timedelta(hours=2)) for _ in open_groups]


# --- the oracles: DESIGN.md's rules, restated plainly ---------------------------------------------------------


def crisis(s: Taken) -> bool:
    return s.computed_outcome == "defer" or any(o == "defer" for o, _, _ in s.overrides)


def unreviewed_deterioration(person: Person) -> bool:
    if not person.screenings:
        return False
    if person.progress_reviews:
        base = next(s for s in person.screenings if s.id == person.progress_reviews[-1].screening_id)
    else:
        starts = [membership_start(m["joined_on"], m["joined_at"]) for m in person.memberships]
        before = [s for s in person.screenings if starts and s.at < min(starts)]
        base = before[-1] if before else person.screenings[0]
    latest = person.screenings[-1]
    risen = any(latest.scores[code]["score"] - base.scores[code]["score"] >= n for code, n in RELIABLE.items())
    return risen and not any(r.at > latest.at for r in person.progress_reviews)


def hold_cannot_have_lifted(person: Person) -> bool:
    moments = [s.at for s in person.screenings if s.computed_outcome == "defer"]
    moments += [at for s in person.screenings for o, at, _ in s.overrides if o == "defer"]
    if not moments:
        return False
    since = max(moments)
    return not any(r.at > since and r.risk_level != "high" and any(
        not crisis(s) and s.at >= r.at + timedelta(hours=24) for s in person.screenings) for r in person.reviews)


def recent_crisis_waits(person: Person) -> bool:
    crises = [s for s in person.screenings if crisis(s)]
    if not crises or crises[-1].at <= person.now - timedelta(days=90):
        return False
    mine = [r for r in person.reviews if r.screening_id == crises[-1].id]
    if not mine:
        return True
    return sum(1 for s in person.screenings if not crisis(s) and s.at > mine[-1].at) < 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GROUPS), st.lists(step_st, min_size=1, max_size=25))
def test_no_sequence_clears_a_deep_item_for_a_person_at_risk(first_group, steps):
    person = Person()
    apply(person, ("join", first_group))
    for step in steps:
        apply(person, step)
        deterioration = unreviewed_deterioration(person)
        held = hold_cannot_have_lifted(person)
        waits = recent_crisis_waits(person)
        for result in clearances(person):
            verdict = {v["item_id"]: v["verdict"] for v in result["participants"][0]["items"]}
            if deterioration or held or waits:
                assert verdict["deep"] != "ok", (deterioration, held, waits, result["participants"][0]["reasons"])
            if deterioration:
                assert verdict["letter"] != "ok"
                assert result["participants"][0]["warnings"][0]["code"] == "reliable_deterioration"
            if held:
                assert result["participants"][0]["outcome"] in ("defer", None)


# --- a declined item never yields fewer flags than the same form answered at its worst ----------------------

DECLINABLE = [i.id for i in FORM.items if not any(c.item == i.id for other in FORM.items for c in other.enable_when)]


def at_its_worst(answers: dict[str, int], declined: list[str]) -> dict[str, int]:
    """The declined items answered at their highest option, and whatever that opens at its highest too."""
    worst: dict[str, int] = {}
    for item in FORM.items:
        if item.id in answers:
            worst[item.id] = answers[item.id]
        elif item.is_enabled(worst):
            worst[item.id] = max(item.values)
    return worst


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_declined_item_never_yields_fewer_flags_than_its_worst_answer(data):
    answers: dict[str, int] = {}
    for item in FORM.items:  # a random complete answer set, in form order
        if item.is_enabled(answers):
            answers[item.id] = data.draw(st.sampled_from(item.values), label=item.id)
    declined = data.draw(st.lists(st.sampled_from([i for i in DECLINABLE if i in answers]), max_size=4, unique=True),
                         label="declined")
    given_answers = {k: v for k, v in answers.items() if k not in declined}
    try:
        with_declines = screen(FORM, given_answers, declined=declined, sex_at_birth=None)
    except AnswersError:
        return  # the API refuses it too (e.g. a declined gate with its follow-ups answered)
    worst = screen(FORM, at_its_worst(given_answers, declined), sex_at_birth=None)
    assert worst.flag_names <= with_declines.flag_names, (declined, worst.flag_names, with_declines.flag_names)
    if declined:
        assert with_declines.outcome != "clear"


@pytest.mark.parametrize(("declined", "flags"), [
    (["phq9_1"], {"mood_exacerbation"}),
    (["gad7_1"], {"mood_exacerbation"}),
    (["younger_self_1"], {"unresolved_trauma"}),
    (["dissociation_1"], {"dissociation"}),
    (["asq_1"], {"acute_crisis"}),
    (["audit_c_1"], {"acute_crisis"}),
    (["drug_use_1"], {"acute_crisis"}),
])
def test_each_declined_instrument_raises_the_flag_it_screens_for(declined, flags):
    answers = {k: v for k, v in lowest().items() if k not in declined}
    result = screen(FORM, answers, declined=declined, sex_at_birth=None)
    assert result.flag_names == flags and not result.complete
    assert any(n.rule_id == "incomplete-instrument" for n in result.notes)
    assert result.outcome == ("defer" if "acute_crisis" in flags else "caution")
