"""Pure progress rules (issue 20): thresholds at and around each boundary, missing instruments, one screening
only, re-baseline at a new programme, the re-screen rhythm; properties of the loop back into clearance."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.progress.rules import (
    DETERIORATED,
    IMPROVED,
    NO_CHANGE,
    ChangeFileError,
    Rhythm,
    Taken,
    below_caseness,
    default_thresholds,
    deterioration_enforced,
    group_summary,
    load_thresholds,
    membership_start,
    overall,
    paired,
    progress,
    reliable_change,
    rescreen_reasons,
)
from toolkit.screening.clearance import ClearanceItem, Contraindication, MemberScreening, clear_plan

T = default_thresholds()
PHQ, GAD = T.get("phq9"), T.get("gad7")
DAY0 = datetime(2026, 3, 2, 10, tzinfo=UTC)


def taken(day, **scores):
    return Taken(screening_id=f"s{day}", at=DAY0 + timedelta(days=day),
                 scores={code: (score, "b") for code, score in scores.items()})


def test_the_cited_thresholds():
    assert (PHQ.reliable_change, PHQ.caseness_at_least) == (6, 10)
    assert (GAD.reliable_change, GAD.caseness_at_least) == (4, 8)
    for t in (PHQ, GAD):
        assert t.reliable_change_source and t.caseness_source
    assert T.get("pc_ptsd5") is None


@pytest.mark.parametrize("change, threshold, expected", [
    (-7, PHQ, IMPROVED), (-6, PHQ, IMPROVED), (-5, PHQ, NO_CHANGE), (0, PHQ, NO_CHANGE), (5, PHQ, NO_CHANGE),
    (6, PHQ, DETERIORATED), (7, PHQ, DETERIORATED),
    (-5, GAD, IMPROVED), (-4, GAD, IMPROVED), (-3, GAD, NO_CHANGE), (3, GAD, NO_CHANGE),
    (4, GAD, DETERIORATED), (5, GAD, DETERIORATED),
    (10, None, None), (None, PHQ, None),
])
def test_reliable_change_at_and_around_each_boundary(change, threshold, expected):
    assert reliable_change(change, threshold) == expected


@pytest.mark.parametrize("baseline, latest, threshold, expected", [
    (10, 9, PHQ, True), (10, 10, PHQ, False), (9, 3, PHQ, False), (15, 4, PHQ, True), (4, 12, PHQ, False),
    (8, 7, GAD, True), (8, 8, GAD, False), (7, 0, GAD, False),
    (12, 2, None, None), (None, 2, PHQ, None),
])
def test_below_caseness_crosses_caseness(baseline, latest, threshold, expected):
    assert below_caseness(baseline, latest, threshold) == expected


def run(history, since=None, codes=("phq9", "gad7", "pc_ptsd5"), reviewed=None):
    return {p["instrument"]: p for p in progress(history, since=since, thresholds=T, instruments=codes,
                                                 reviewed=reviewed)}


@pytest.mark.parametrize("history, since, code, baseline, change, verdict", [
    # one screening only: a baseline, no change, no verdict
    ([taken(0, phq9=12)], None, "phq9", 12, None, None),
    # never a member: the first ever is the baseline
    ([taken(0, phq9=12), taken(10, phq9=4), taken(20, phq9=6)], None, "phq9", 12, -6, IMPROVED),
    # the latest screening before the earliest membership began is the baseline
    ([taken(0, phq9=2), taken(9, phq9=5), taken(20, phq9=11)], DAY0 + timedelta(days=10), "phq9", 5, 6,
     DETERIORATED),
    # joined before any screening: the first one after it
    ([taken(5, gad7=1), taken(20, gad7=5)], DAY0 - timedelta(days=3), "gad7", 1, 4, DETERIORATED),
    # a re-screen later on the joining day is not the baseline: the rise measured that day shows
    ([taken(0, phq9=3), taken(10, phq9=9)], DAY0 + timedelta(days=10) - timedelta(minutes=1), "phq9", 3, 6,
     DETERIORATED),
    # no published threshold: change without a verdict
    ([taken(0, pc_ptsd5=1), taken(10, pc_ptsd5=4)], None, "pc_ptsd5", 1, 3, None),
])
def test_baseline_and_change(history, since, code, baseline, change, verdict):
    got = run(history, since)[code]
    assert got["baseline"]["score"] == baseline
    assert (got["change"], got["reliable_change"]) == (change, verdict)


def test_missing_instruments():
    # GAD-7 only on the second screening (e.g. stopped at a crisis the first time); PC-PTSD-5 never
    got = run([taken(0, phq9=3), taken(10, phq9=3, gad7=2), taken(20, phq9=3, gad7=7)])
    assert set(got) == {"phq9", "gad7"}
    assert got["gad7"]["baseline"]["score"] == 2 and got["gad7"]["change"] == 5
    assert got["gad7"]["reliable_change"] == DETERIORATED
    assert run([]) == {}


@pytest.mark.parametrize("verdicts, expected", [
    ([IMPROVED, DETERIORATED], DETERIORATED), ([IMPROVED, NO_CHANGE], IMPROVED), ([NO_CHANGE, None], NO_CHANGE),
    ([None], None), ([], None),
])
def test_overall_puts_deterioration_first(verdicts, expected):
    assert overall([{"reliable_change": v} for v in verdicts]) == expected


def test_group_summary():
    got = group_summary([{"participant_id": "a", "display_name": "A", "overall": IMPROVED},
                         {"participant_id": "b", "display_name": "B", "overall": None},
                         {"participant_id": "c", "display_name": "C", "overall": DETERIORATED}])
    assert got["counts"] == {"improved": 1, "no_change": 0, "deteriorated": 1, "not_measured": 1}
    assert got["deteriorated"] == [{"participant_id": "c", "display_name": "C"}]


# --- re-screens due -------------------------------------------------------------------------------------

SESSION = DAY0 + timedelta(days=28)
WEEKLY = [DAY0 + timedelta(days=7 * k) for k in range(8)]


@pytest.mark.parametrize("screened_day, valid_days, rhythm, expected", [
    (None, None, Rhythm(), ["no_screening"]),
    (0, 90, Rhythm(), []),
    (0, 28, Rhythm(), ["expires_before_session"]),  # valid until the session's start: not at its end
    (0, 29, Rhythm(), []),
    (0, 90, Rhythm(every_days=28), ["rhythm_days"]),
    (1, 90, Rhythm(every_days=28), []),
    (0, 90, Rhythm(every_sessions=3), ["rhythm_sessions"]),  # sessions on days 7, 14, 21 since day 0
    (8, 90, Rhythm(every_sessions=3), []),  # days 14, 21 only
    (0, 20, Rhythm(every_days=10, every_sessions=2), ["expires_before_session", "rhythm_days", "rhythm_sessions"]),
])
def test_rescreen_reasons(screened_day, valid_days, rhythm, expected):
    screened = DAY0 + timedelta(days=screened_day) if screened_day is not None else None
    until = screened + timedelta(days=valid_days) if screened is not None else None
    got = rescreen_reasons(session_starts_at=SESSION, session_ends_at=SESSION + timedelta(hours=2),
                           screened_at=screened, valid_until=until, rhythm=rhythm, series_starts=WEEKLY)
    assert [r["reason"] for r in got] == expected


# --- the loop back --------------------------------------------------------------------------------------


@pytest.mark.parametrize("deteriorated, review_day, expected", [
    (False, None, False), (True, None, True), (True, 5, True), (True, 10, True), (True, 11, False),
])
def test_a_review_counts_only_after_the_latest_screening(deteriorated, review_day, expected):
    reviewed = [DAY0 + timedelta(days=review_day)] if review_day is not None else []
    assert deterioration_enforced(deteriorated=deteriorated, latest_screening_at=DAY0 + timedelta(days=10),
                                  reviewed_at=reviewed) is expected


@given(latest=st.integers(0, 400), reviews=st.lists(st.integers(0, 400), max_size=5))
def test_a_review_never_hides_a_later_deterioration(latest, reviews):
    latest_at = DAY0 + timedelta(days=latest)
    enforced = deterioration_enforced(deteriorated=True, latest_screening_at=latest_at,
                                      reviewed_at=[DAY0 + timedelta(days=r) for r in reviews])
    if all(r <= latest for r in reviews):
        assert enforced


RANK = {"ok": 0, "adapt": 1, "exclude": 2}
STATUS = {"clear": 0, "caution": 1, "blocked": 2}
ITEMS = [ClearanceItem("i1", "m1", "Gentle", (), "gentle"),
         ClearanceItem("i2", "m2", "Deep", (Contraindication("dissociation", "adapt", "eyes open"),
                                            Contraindication("acute_crisis", "exclude")), "deep"),
         ClearanceItem("i3", "m3", "Moderate", (Contraindication("unresolved_trauma", "exclude"),), "moderate"),
         ClearanceItem("b", None)]
NOW = datetime(2026, 5, 1, tzinfo=UTC)

members = st.builds(
    lambda pid, outcome, flags, valid, hold: MemberScreening(
        participant_id=pid, screening_id=f"s-{pid}", outcome=outcome, computed_outcome=outcome,
        flags=frozenset(flags), valid_until=NOW + timedelta(days=30 if valid else -1), crisis_hold=hold),
    st.sampled_from(["a", "b", "c"]), st.sampled_from(["clear", "caution", "refer", "defer"]),
    st.sets(st.sampled_from(["dissociation", "unresolved_trauma", "mood_exacerbation"])), st.booleans(),
    st.booleans())


@given(member=members, items=st.lists(st.sampled_from(ITEMS), min_size=1, max_size=4, unique_by=lambda i: i.item_id),
       ti=st.booleans())
def test_deterioration_never_loosens_a_verdict(member, items, ti):
    from dataclasses import replace

    before = clear_plan(members=[member], items=items, has_trauma_informed_facilitator=ti, now=NOW)
    after = clear_plan(members=[replace(member, deterioration=("GAD-7 rose",))], items=items,
                       has_trauma_informed_facilitator=ti, now=NOW)
    assert STATUS[after["status"]] >= STATUS[before["status"]]
    for old, new in zip(before["participants"][0]["items"], after["participants"][0]["items"], strict=True):
        assert RANK[new["verdict"]] >= RANK[old["verdict"]]
    deep = [v for v, i in zip(after["participants"][0]["items"], items, strict=True) if i.intensity == "deep"]
    assert all(v["verdict"] == "exclude" for v in deep)


@pytest.mark.parametrize("text, problem", [
    ("version: v1\ninstruments:\n  phq9: {reliable_change: 6}\n", "needs a reliable_change_source"),
    ("version: v1\ninstruments:\n  phq9: {reliable_change: 0, reliable_change_source: x}\n", "1 or more"),
    ("version: v1\ninstruments:\n  phq9: {rc: 6}\n", "unknown field"),
    ("version: v1\ninstruments:\n  nope: {reliable_change: 6, reliable_change_source: x}\n", "unknown instrument"),
    ("version: v1\ninstruments:\n  phq9: {reliable_change: 6}\n  phq9: {}\n", "duplicate"),
])
def test_the_change_file_is_read_strictly(tmp_path, text, problem):
    file = tmp_path / "change.yaml"
    file.write_text(text)
    with pytest.raises(ChangeFileError) as err:
        load_thresholds(file, known={"phq9", "gad7"})
    assert problem in str(err.value).lower()


def test_the_shipped_file_matches_the_form():
    from toolkit.screening.form_loader import default_form

    load_thresholds(known={i.code for i in default_form().instruments})


def test_a_progress_review_makes_the_reviewed_screening_the_baseline():
    history = [taken(0, phq9=3), taken(10, phq9=9), taken(20, phq9=11)]
    assert run(history)["phq9"]["reliable_change"] == DETERIORATED
    got = run(history, reviewed="s10")["phq9"]
    assert got["baseline"]["score"] == 9 and got["change"] == 2 and got["reliable_change"] == NO_CHANGE


@pytest.mark.parametrize("joined_on, joined_at, expected", [
    (date(2026, 3, 2), datetime(2026, 3, 2, 15, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC)),  # the day's start
    (date(2026, 3, 2), datetime(2026, 3, 1, 15, tzinfo=UTC), datetime(2026, 3, 1, 15, tzinfo=UTC)),
    (date(2026, 3, 2), None, datetime(2026, 3, 2, tzinfo=UTC)),
])
def test_membership_start(joined_on, joined_at, expected):
    assert membership_start(joined_on, joined_at) == expected


def _pair(phq_base, phq_last, gad_base, gad_last):
    return run([taken(0, phq9=phq_base, gad7=gad_base), taken(30, phq9=phq_last, gad7=gad_last)]).values()


@pytest.mark.parametrize("scores, expected", [
    # NHS Talking Therapies: caseness PHQ-9 >= 10 or GAD-7 >= 8; reliable change 6 / 4
    ((10, 9, 15, 15), dict(caseness_at_baseline=True, recovery=False, reliable_improvement=False,
                           reliable_recovery=False, reliable_deterioration=False)),  # issue 27: not recovered
    ((14, 7, 12, 7), dict(caseness_at_baseline=True, recovery=True, reliable_improvement=True,
                          reliable_recovery=True, reliable_deterioration=False)),
    ((12, 9, 9, 7), dict(caseness_at_baseline=True, recovery=True, reliable_improvement=False,
                         reliable_recovery=False, reliable_deterioration=False)),
    ((16, 9, 5, 9), dict(caseness_at_baseline=True, recovery=False, reliable_improvement=False,
                         reliable_recovery=False, reliable_deterioration=False)),  # one up, one down
    ((3, 9, 2, 3), dict(caseness_at_baseline=False, recovery=False, reliable_improvement=False,
                        reliable_recovery=False, reliable_deterioration=True)),
    ((20, 8, 2, 2), dict(caseness_at_baseline=True, recovery=True, reliable_improvement=True,
                         reliable_recovery=True, reliable_deterioration=False)),
])
def test_paired_outcomes(scores, expected):
    assert paired(_pair(*scores)) == expected


def test_paired_needs_both_measures_twice():
    assert paired(run([taken(0, phq9=12), taken(30, phq9=3)]).values()) is None
    assert paired(run([taken(0, phq9=12, gad7=9)]).values()) is None
