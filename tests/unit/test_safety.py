"""Safety over time (toolkit.screening.safety, intake, guidance, clearance): override direction, the crisis
floor, the crisis hold, validity at the plan's end, age, declined items and stopping at a crisis. No Flask,
no database: tables of cases plus hypothesis properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.screening.clearance import ClearanceItem, Contraindication, MemberScreening, clear_plan
from toolkit.screening.form_loader import default_form
from toolkit.screening.guidance import DEFAULT_GUIDANCE_FILE, default_guidance, load_guidance
from toolkit.screening.intake import screen
from toolkit.screening.rules import REQUIRED, AnswersError
from toolkit.screening.safety import (
    LEAD_REASON_MIN,
    RANK,
    RISK_LEVELS,
    Conflicting,
    NotPermitted,
    OverrideEvent,
    ReviewEvent,
    SafetyRefusal,
    ScreeningEvent,
    Unacceptable,
    age_on,
    can_override,
    check_assessment,
    check_override,
    check_review_target,
    crisis_hold,
    defer_moments,
    direction,
    history_outcome,
    is_minor,
    latest_crisis,
    recent_crisis,
    taken_during_hold,
    validity_at_session,
)
from toolkit.vocab import OUTCOMES

FORM = default_form()
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LONG_REASON = "Reviewed in supervision with the person's GP."
assert len(LONG_REASON) >= LEAD_REASON_MIN


def lowest(**overrides):
    """A complete answer set at the lowest options (follow-ups enabled by overrides get their lowest)."""
    answers = {}
    for item in FORM.items:
        if item.is_enabled(answers):
            answers[item.id] = overrides.get(item.id, item.min_value)
    return answers


# --- override direction and the crisis floor ----------------------------------------------------------


@pytest.mark.parametrize(("current", "new", "expected"), [
    ("clear", "caution", "raise"), ("caution", "clear", "lower"), ("refer", "refer", "same"),
    ("defer", "refer", "lower"), ("clear", "defer", "raise"),
])
def test_direction(current, new, expected):
    assert direction(current, new) == expected


@pytest.mark.parametrize(("current", "new", "flags", "reason", "lead", "status"), [
    ("caution", "refer", (), "x", False, None),                     # more restrictive: anyone, any reason
    ("clear", "defer", (), "Disclosed a crisis.", False, None),
    ("refer", "clear", (), LONG_REASON, False, NotPermitted),                 # less restrictive: not without a lead
    ("refer", "clear", (), "ok", True, Unacceptable),                         # ... nor with a short reason
    ("refer", "clear", (), "x" * 19, True, Unacceptable),
    ("refer", "clear", (), "x" * 20, True, None),
    ("caution", "caution", (), "Re-confirmed.", False, None),        # same outcome: a restatement
    ("defer", "clear", ("acute_crisis",), LONG_REASON, True, Conflicting),   # never below refer on a crisis
    ("defer", "caution", ("acute_crisis",), LONG_REASON, True, Conflicting),
    ("defer", "refer", ("acute_crisis",), LONG_REASON, True, None),
    ("defer", "clear", ("acute_crisis",), LONG_REASON, False, NotPermitted),  # a non-lead is refused first
    ("refer", "refer", ("acute_crisis",), "   ", True, Unacceptable),         # a reason is always needed
])
def test_check_override(current, new, flags, reason, lead, status):
    if status is None:
        check_override(current=current, new=new, computed_flags=flags, reason=reason, clinical_lead=lead)
        return
    with pytest.raises(SafetyRefusal) as info:
        check_override(current=current, new=new, computed_flags=flags, reason=reason, clinical_lead=lead)
    assert type(info.value) is status
    if status is Conflicting:
        assert "crisis-reviews" in info.value.message


@given(current=st.sampled_from(OUTCOMES), new=st.sampled_from(OUTCOMES), reason=st.text(max_size=40),
       flags=st.sets(st.sampled_from(("acute_crisis", "dissociation", "unresolved_trauma"))))
def test_an_override_never_lowers_an_outcome_without_a_clinical_lead(current, new, reason, flags):
    if can_override(current=current, new=new, computed_flags=flags, reason=reason, clinical_lead=False):
        assert RANK[new] >= RANK[current]
    if can_override(current=current, new=new, computed_flags=flags, reason=reason, clinical_lead=True):
        assert RANK[new] >= RANK[current] or len(reason.strip()) >= LEAD_REASON_MIN
        assert "acute_crisis" not in flags or RANK[new] >= RANK["refer"]


# --- crisis hold ---------------------------------------------------------------------------------------


def at(minutes):
    return T0 + timedelta(minutes=minutes)


H = 60  # minutes in an hour


def screening(minutes, outcome="clear", sid=None, overrides=()):
    return ScreeningEvent(at=at(minutes), computed_outcome=outcome, id=sid or f"s{minutes}",
                          overrides=tuple(OverrideEvent(o, at(m)) for o, m in overrides))


def review(minutes, risk="moderate", of=None, plan=True):
    return ReviewEvent(at=at(minutes), risk_level=risk, screening_id=of, safety_plan_in_place=plan, by="Lead")


@pytest.mark.parametrize(("screenings", "reviews", "active"), [
    ([screening(0)], [], False),                                              # never deferred
    ([screening(0, "defer")], [], True),                                      # the defer itself
    ([screening(0, "defer"), screening(1)], [], True),                        # clear a minute later: held
    ([screening(0, "defer"), screening(25 * H)], [review(5, of="s0")], False),  # review, then 24 h+: lifted
    ([screening(0, "defer"), screening(10)], [review(5, of="s0")], True),     # minutes after the review: held
    ([screening(0, "defer"), screening(5 + 24 * H)], [review(5, of="s0")], False),  # exactly 24 h: lifted
    ([screening(0, "defer"), screening(4 + 24 * H)], [review(5, of="s0")], True),   # a minute short
    ([screening(0, "defer"), screening(30 * H)], [review(5, "high", of="s0")], True),  # high never lifts
    ([screening(0, "defer"), screening(30 * H)], [review(5, of="s0"), review(6, "high", of="s0")], True),
    ([screening(0, "defer"), screening(30 * H, "defer")], [review(5, of="s0")], True),  # not crisis-free
    ([screening(0, "defer"), screening(30 * H)], [review(-5)], True),          # a review before the defer
    ([screening(0, "defer"), screening(10, "defer"), screening(40 * H)], [review(5, of="s0")], True),  # newer crisis
    ([screening(0, "defer"), screening(10, "defer"), screening(40 * H)], [review(5, of="s0"), review(12, of="s10")],
     False),
    ([screening(0, "clear", overrides=[("defer", 3)]), screening(30 * H)], [review(1, of="s0")], True),
    ([screening(0, "defer"), screening(10, "defer"), screening(40 * H)], [review(12, of="s0")], True),  # stale
    ([screening(0, "defer"), screening(30 * H)], [review(5, risk=None, plan=False)], True),  # old review, no plan
    ([screening(0, "defer"), screening(30 * H)], [review(5, risk=None, plan=True)], False),  # old review, plan
])
def test_crisis_hold(screenings, reviews, active):
    assert crisis_hold(screenings, reviews).active is active


def test_screenings_taken_during_the_hold_carry_it():
    crisis = [screening(0, "defer")]
    assert taken_during_hold(crisis, [], screening(1)) is True
    assert taken_during_hold(crisis, [review(2, of="s0")], screening(3)) is True   # under 24 h after the review
    assert taken_during_hold(crisis, [review(2, of="s0")], screening(2 + 24 * H)) is False  # this one lifts it
    assert taken_during_hold([], [], screening(3)) is False
    assert taken_during_hold([screening(5, "defer")], [], screening(3)) is False  # a later defer


def test_defer_moments_count_overrides_to_defer():
    s = screening(0, overrides=[("defer", 3)])
    assert defer_moments([s]) == [at(3)]
    assert history_outcome([s, screening(4)], []) == "defer"


@pytest.mark.parametrize(("screenings", "reviews", "now", "expected"), [
    ([screening(0)], [], at(1), None),
    ([screening(0, "defer")], [], at(1), {"screening_id": "s0", "on": "2026-12-01", "reviewed_by": None,
                                          "follow_up_on": None}),
    ([screening(0, "defer")], [], at(90 * 24 * H), None),                  # 90 days on: no longer recent
    ([screening(0, "defer")], [review(5, of="s0")], at(10), {"screening_id": "s0", "on": "2026-12-01",
                                                             "reviewed_by": "Lead", "follow_up_on": None}),
])
def test_recent_crisis(screenings, reviews, now, expected):
    recent = recent_crisis(screenings, reviews, now=now)
    assert (recent.to_dict() if recent else None) == expected


@pytest.mark.parametrize(("after_review", "waits"), [(0, True), (1, True), (2, False)])
def test_deep_items_wait_for_a_second_crisis_free_screening_after_the_review(after_review, waits):
    screenings = [screening(0, "defer")] + [screening(30 * H * (n + 1)) for n in range(after_review)]
    recent = recent_crisis(screenings, [review(5, of="s0")], now=at(100 * H))
    assert recent is not None and recent.deep_items_wait is waits


@pytest.mark.parametrize(("target", "problem"), [("s10", None), ("s0", "not the participant's latest"),
                                                 ("nope", "not the participant's latest")])
def test_a_review_names_the_latest_crisis(target, problem):
    screenings = [screening(0, "defer"), screening(5), screening(10, "defer")]
    if problem is None:
        check_review_target(screening_id=target, screenings=screenings)
        return
    with pytest.raises(Conflicting, match=problem):
        check_review_target(screening_id=target, screenings=screenings)
    with pytest.raises(Conflicting, match="no crisis screening"):
        check_review_target(screening_id=target, screenings=[screening(0)])


@st.composite
def histories(draw):
    """Random sequences of screenings (with overrides tried by random therapists) and crisis reviews of the
    latest crisis, in time order; overrides the rules refuse are not recorded, as the API refuses them."""
    minute = 0
    screenings, events, reviews = [], [], []
    for _ in range(draw(st.integers(1, 8))):
        minute += draw(st.sampled_from((1, 60, 23 * H, 25 * H)))
        kind = draw(st.sampled_from(("screen", "screen", "override", "review")))
        if kind == "screen" or not screenings:
            crisis = draw(st.booleans())
            outcome = "defer" if crisis else draw(st.sampled_from(("clear", "caution", "refer")))
            screenings.append(ScreeningEvent(at=at(minute), computed_outcome=outcome, id=f"s{minute}"))
            events.append(("acute_crisis",) if crisis else ())
        elif kind == "override":
            index = draw(st.integers(0, len(screenings) - 1))
            target, flags = screenings[index], events[index]
            new = draw(st.sampled_from(OUTCOMES))
            if can_override(current=target.outcome, new=new, computed_flags=flags,
                            reason=draw(st.sampled_from(("ok", LONG_REASON))), clinical_lead=draw(st.booleans())):
                screenings[index] = ScreeningEvent(at=target.at, computed_outcome=target.computed_outcome,
                                                   id=target.id,
                                                   overrides=(*target.overrides, OverrideEvent(new, at(minute))))
        elif latest_crisis(screenings) is not None:
            reviews.append(ReviewEvent(at=at(minute), screening_id=latest_crisis(screenings).id,
                                       risk_level=draw(st.sampled_from(RISK_LEVELS))))
    return screenings, events, reviews


@settings(max_examples=300)
@given(histories())
def test_no_history_ends_clear_while_the_latest_computed_flags_include_acute_crisis(history):
    screenings, flags, reviews = history
    outcome = history_outcome(screenings, reviews)
    if "acute_crisis" in flags[-1]:
        assert outcome == "defer"  # the latest screening is itself a crisis: nothing lifts it
    last_defer = max(defer_moments(screenings), default=None)
    lifting = [r for r in reviews if last_defer is not None and r.at > last_defer and r.risk_level != "high"]
    if last_defer is not None and not any(not s.crisis and s.at >= r.at + timedelta(hours=24)
                                          for r in lifting for s in screenings):
        assert outcome == "defer"


# --- validity at the plan's end -----------------------------------------------------------------------


@pytest.mark.parametrize(("valid_until", "session_end", "expected"), [
    (at(60), at(30), "valid"),
    (at(60), at(60), "expires_before_session"),  # expiring exactly at the end does not cover it
    (at(60), at(90), "expires_before_session"),
    (at(0), at(90), "expired"),                  # already expired now (now = T0)
    (at(60), None, "valid"),                     # a template: judged now
    (None, at(30), "expired"),
    (at(60), at(-30), "valid"),                  # a session in the past is judged now
])
def test_validity_at_session(valid_until, session_end, expected):
    assert validity_at_session(valid_until=valid_until, session_end=session_end, now=T0) == expected


@given(screened_days_ago=st.integers(0, 400), validity_days=st.integers(1, 400), starts_in=st.integers(-30, 400),
       minutes=st.integers(1, 600))
def test_validity_is_judged_at_the_plans_end(screened_days_ago, validity_days, starts_in, minutes):
    screened = T0 - timedelta(days=screened_days_ago)
    valid_until = screened + timedelta(days=validity_days)
    end = T0 + timedelta(days=starts_in, minutes=minutes)
    member = MemberScreening(participant_id="p", screening_id="s", outcome="clear", valid_until=valid_until)
    item = ClearanceItem(item_id="i", module_id="m")
    result = clear_plan(members=[member], items=[item], has_trauma_informed_facilitator=True, now=T0,
                        session_end=end)
    counts = valid_until > max(T0, end)
    assert (result["status"] == "clear") is counts
    entry = result["participants"][0]
    assert entry["expires_before_session"] is (T0 < valid_until <= end)
    if not counts:
        assert result["missing_screenings"] == ["p"] and entry["outcome"] is None


# --- age ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("born", "on", "age"), [
    (date(2008, 12, 2), date(2026, 12, 1), 17),
    (date(2008, 12, 1), date(2026, 12, 1), 18),
    (date(2008, 2, 29), date(2026, 2, 28), 17),
    (date(2008, 2, 29), date(2026, 3, 1), 18),
    (date(2020, 6, 1), date(2026, 12, 1), 6),
])
def test_age_on(born, on, age):
    assert age_on(born, on) == age
    assert is_minor(born, on) is (age < 18)


def test_unknown_date_of_birth_is_not_a_minor():
    assert is_minor(None, date(2026, 12, 1)) is False


@pytest.mark.parametrize(("outcome", "reason", "flags", "lead", "status"), [
    ("caution", LONG_REASON, ["dissociation"], True, None),
    ("defer", LONG_REASON, ["acute_crisis"], True, None),
    ("clear", LONG_REASON, [], True, None),
    ("caution", LONG_REASON, [], False, NotPermitted),
    ("caution", "short", [], True, Unacceptable),
    ("refer", LONG_REASON, ["acute_crisis"], True, Unacceptable),  # a crisis is defer
    ("clear", LONG_REASON, ["dissociation"], True, Unacceptable),
])
def test_clinician_assessment(outcome, reason, flags, lead, status):
    if status is None:
        check_assessment(outcome=outcome, reason=reason, flags=flags, clinical_lead=lead)
    else:
        with pytest.raises(SafetyRefusal) as info:
            check_assessment(outcome=outcome, reason=reason, flags=flags, clinical_lead=lead)
        assert type(info.value) is status


# --- declined items and stopping at a crisis ----------------------------------------------------------


def asq_stop():
    """Answered up to a positive ASQ question 1, the rest left unanswered (as the ASQ instructs)."""
    answers = {}
    for item in FORM.items:
        if item.instrument in ("phq9", "gad7", "pc_ptsd5") and item.is_enabled(answers):
            answers[item.id] = item.min_value
    answers["asq_1"] = 1
    return answers


def test_a_positive_critical_item_lets_the_form_stop():
    intake = screen(FORM, asq_stop(), sex_at_birth=None)
    assert intake.complete is False and intake.outcome == "defer"
    assert {"audit_c", "drug_use", "younger_self", "dissociation", "present_crisis", "asq"} <= set(intake.incomplete)
    assert any(n.rule_id == "incomplete-instrument" and "AUDIT-C" in n.text for n in intake.notes)
    assert intake.scores_json()["asq"]["complete"] is False and intake.scores_json()["phq9"]["complete"] is True


def test_without_a_positive_critical_item_an_incomplete_form_is_refused():
    answers = asq_stop()
    answers["asq_1"] = 0
    with pytest.raises(AnswersError) as info:
        screen(FORM, answers, sex_at_birth=None)
    assert info.value.errors["asq_2"] == [REQUIRED]


@pytest.mark.parametrize(("declined", "outcome", "flag", "needle"), [
    (["phq9_3"], "caution", None, "PHQ-9 is incomplete (item 3 declined)"),
    (["gad7_1", "gad7_2"], "caution", None, "GAD-7 is incomplete"),
    (["asq_3"], "defer", "acute_crisis", "question 3 declined"),
    (["phq9_9"], "defer", "acute_crisis", "item 9 declined"),
])
def test_declined_items(declined, outcome, flag, needle):
    answers = {k: v for k, v in lowest().items() if k not in declined}
    intake = screen(FORM, answers, declined=declined, sex_at_birth=None)
    assert intake.outcome == outcome and intake.complete is False
    texts = [n.text for n in intake.notes] + [r for f in intake.flags for r in f.reasons]
    assert any(needle in t for t in texts), texts
    if flag:
        assert flag in intake.flag_names


def test_an_incomplete_screening_is_never_better_than_caution_but_keeps_worse():
    answers = {k: v for k, v in lowest(phq9_1=3, phq9_2=3, phq9_3=3, phq9_4=3, phq9_5=3, phq9_6=3,
                                       phq9_7=2).items() if k != "gad7_1"}
    intake = screen(FORM, answers, declined=["gad7_1"], sex_at_birth=None)
    assert intake.outcome == "refer"  # PHQ-9 20 stays refer; incomplete GAD-7 adds its finding
    assert any("GAD-7 is incomplete" in n.text for n in intake.notes)


@pytest.mark.parametrize(("declined", "error"), [
    (["nope"], "not an item"),
    (["phq9_1", "phq9_1"], "listed twice"),
    (["asq_acuity"], "not asked"),           # its gate is not positive
])
def test_bad_declined_lists_are_refused(declined, error):
    answers = {k: v for k, v in lowest().items() if k not in declined}
    with pytest.raises(AnswersError) as info:
        screen(FORM, answers, declined=declined, sex_at_birth=None)
    assert any(error in m for messages in info.value.errors.values() for m in messages), info.value.errors


def test_a_declined_asq_question_still_opens_the_acuity_question():
    answers = {k: v for k, v in lowest().items() if k != "asq_1"}
    intake = screen(FORM, {**answers, "asq_acuity": 1}, declined=["asq_1"], sex_at_birth=None)
    assert intake.outcome == "defer" and intake.scores["asq"].band == "acute positive"
    assert default_guidance().kind_for({**answers, "asq_acuity": 1}, ["asq_1"]) == "acute"
    # ... and may itself be declined, or left unanswered (a critical item is positive: the person may stop)
    assert screen(FORM, answers, declined=["asq_1", "asq_acuity"], sex_at_birth=None).outcome == "defer"
    assert screen(FORM, answers, declined=["asq_1"], sex_at_birth=None).outcome == "defer"


def test_an_answered_item_cannot_also_be_declined():
    with pytest.raises(AnswersError) as info:
        screen(FORM, lowest(), declined=["phq9_1"], sex_at_birth=None)
    assert "declined.0" in info.value.errors


# --- guidance -----------------------------------------------------------------------------------------


def test_acute_and_non_acute_guidance_differ():
    guide = default_guidance()
    acute = guide.for_kind(guide.kind_for({"asq_1": 1, "asq_acuity": 1}), None)
    non_acute = guide.for_kind(guide.kind_for({"asq_1": 1, "asq_acuity": 0}), "Call the on-call lead")
    assert acute["kind"] == "acute" and non_acute["kind"] == "non_acute"
    assert "do not leave them alone" in acute["summary"] and "emergency" in acute["summary"]
    assert "full safety assessment" in non_acute["summary"]
    assert acute["checklist"] != non_acute["checklist"]
    assert non_acute["crisis_line"] == "Call the on-call lead"
    assert guide.kind_for({}, declined=["asq_acuity"]) == "acute"  # declined counts as positive


def test_guidance_names_only_form_items(tmp_path):
    broken = tmp_path / "guidance.yaml"
    broken.write_text(DEFAULT_GUIDANCE_FILE.read_text(encoding="utf-8").replace("[asq_acuity]", "[asq_9]"),
                      encoding="utf-8")
    with pytest.raises(ValueError, match="asq_9"):
        load_guidance(broken, item_ids=[i.id for i in FORM.items])
    load_guidance(DEFAULT_GUIDANCE_FILE, item_ids=[i.id for i in FORM.items])


# --- clearance: overrides keep the flags, holds block, alternatives ------------------------------------

VIS = ClearanceItem(item_id="vis", module_id="m-vis", module_title="Visualisation", contraindications=(
    Contraindication("dissociation", "adapt", "Eyes open."),
    Contraindication("unresolved_trauma", "exclude", "Do the grounding instead."),
))


@pytest.mark.parametrize(("member", "verdict", "status"), [
    (MemberScreening(participant_id="p", screening_id="s", outcome="clear", flags=frozenset({"dissociation"}),
                     valid_until=at(10**5)), "adapt", "caution"),
    (MemberScreening(participant_id="p", screening_id="s", outcome="clear", flags=frozenset({"unresolved_trauma"}),
                     valid_until=at(10**5)), "exclude", "caution"),
    (MemberScreening(participant_id="p", screening_id="s", outcome="clear", crisis_hold=True,
                     valid_until=at(10**5)), "exclude", "blocked"),
    (MemberScreening(participant_id="p", screening_id="s", outcome="clear", unusable="adult form under 18",
                     valid_until=at(10**5)), "exclude", "blocked"),
    (MemberScreening(participant_id="p", display_name="Kim", no_screening_reason="under 18"), "exclude", "blocked"),
])
def test_clearance_cases(member, verdict, status):
    result = clear_plan(members=[member], items=[VIS], has_trauma_informed_facilitator=True, now=T0,
                        session_end=at(60))
    entry = result["participants"][0]
    assert entry["items"][0]["verdict"] == verdict and result["status"] == status
    if member.crisis_hold:
        assert entry["outcome"] == "defer" and entry["crisis_hold"] is True
    if verdict == "exclude" and status == "caution":
        assert entry["items"][0]["alternative"] == "Do the grounding instead."
    if member.no_screening_reason:
        assert any("under 18" in r for r in entry["reasons"]) and any("Kim" in w for w in
                                                                        result["facilitator_warnings"])
