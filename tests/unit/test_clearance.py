"""Plan clearance (toolkit.screening.clearance): member × item verdicts and the plan status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.screening.clearance import (
    NO_MEMBERS_WARNING,
    ClearanceItem,
    Contraindication,
    MemberScreening,
    clear_plan,
)
from toolkit.vocab import CLEARANCE_STATUSES, FLAGS, OUTCOMES, VERDICTS

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=30)

VISUALISATION = ClearanceItem(
    item_id="i-vis",
    module_id="m-vis",
    module_title="Eyes-closed visualisation",
    contraindications=(
        Contraindication("dissociation", "adapt", "Keep eyes open; ground through the feet first."),
        Contraindication("unresolved_trauma", "adapt", "Offer a safe-place image before the child memory."),
        Contraindication("mood_exacerbation", "exclude"),
    ),
)
LETTER = ClearanceItem(
    item_id="i-letter",
    module_id="m-letter",
    module_title="Letter to your younger self",
    contraindications=(("unresolved_trauma", "exclude", None),),
)
CHECK_IN = ClearanceItem(item_id="i-check", module_id="m-check", module_title="Opening check-in")
BREAK = ClearanceItem(item_id="i-break", module_id=None, module_title=None)
ITEMS = (CHECK_IN, VISUALISATION, LETTER, BREAK)


def member(pid="p1", outcome="clear", flags=(), valid_until=LATER, screening_id="s1"):
    return MemberScreening(
        participant_id=pid,
        screening_id=screening_id,
        outcome=outcome,
        flags=frozenset(flags),
        valid_until=valid_until,
    )


def verdicts(result, pid="p1"):
    participant = next(p for p in result["participants"] if p["participant_id"] == pid)
    return {i["item_id"]: i["verdict"] for i in participant["items"]}


def clear(members, items=ITEMS, ti=True):
    return clear_plan(members=members, items=items, has_trauma_informed_facilitator=ti, now=NOW)


def test_result_shape():
    result = clear([member()])
    assert set(result) == {"status", "participants", "missing_screenings", "facilitator_warnings"}
    participant = result["participants"][0]
    assert set(participant) == {"participant_id", "display_name", "screening_id", "outcome", "computed_outcome",
                                "override", "crisis_hold", "findings", "validity", "expires_before_session",
                                "valid_until", "method", "reasons", "warnings", "recent_crisis", "items"}
    assert [i["item_id"] for i in participant["items"]] == [i.item_id for i in ITEMS]
    for item in participant["items"]:
        assert set(item) == {"item_id", "module_id", "verdict", "adaptation", "alternative", "reasons"}
        assert item["verdict"] in VERDICTS and isinstance(item["reasons"], list)


@pytest.mark.parametrize(
    ("flags", "expected", "adaptation"),
    [
        ((), {"i-check": "ok", "i-vis": "ok", "i-letter": "ok"}, None),
        (
            ("dissociation",),
            {"i-check": "ok", "i-vis": "adapt", "i-letter": "ok"},
            "Keep eyes open; ground through the feet first.",
        ),
        (
            ("unresolved_trauma",),
            {"i-check": "ok", "i-vis": "adapt", "i-letter": "exclude"},
            "Offer a safe-place image before the child memory.",
        ),
        (
            ("dissociation", "unresolved_trauma"),
            {"i-check": "ok", "i-vis": "adapt", "i-letter": "exclude"},
            "For unresolved_trauma: Offer a safe-place image before the child memory.\n"
            "For dissociation: Keep eyes open; ground through the feet first.",
        ),
        (
            ("mood_exacerbation", "dissociation"),
            {"i-check": "ok", "i-vis": "exclude", "i-letter": "ok"},
            None,
        ),
    ],
)
def test_caution_member_verdicts(flags, expected, adaptation):
    result = clear([member(outcome="caution", flags=flags)])
    got = verdicts(result)
    assert got == {**expected, "i-break": "ok"}
    vis = next(i for i in result["participants"][0]["items"] if i["item_id"] == "i-vis")
    assert vis["adaptation"] == adaptation
    for flag in flags:
        if any(c[0] == flag for c in VISUALISATION.contraindications):
            assert any(f"flag {flag}" in r for r in vis["reasons"]), vis["reasons"]
    assert result["status"] == ("clear" if not flags else "caution")


def test_most_restrictive_wins_and_reasons_name_every_flag():
    result = clear([member(outcome="caution", flags=("mood_exacerbation", "dissociation"))])
    vis = next(i for i in result["participants"][0]["items"] if i["item_id"] == "i-vis")
    assert vis["verdict"] == "exclude" and vis["adaptation"] is None
    assert any("mood_exacerbation" in r and "exclude" in r for r in vis["reasons"])
    assert any("dissociation" in r and "adapted" in r for r in vis["reasons"])


@pytest.mark.parametrize("outcome", ["clear", "caution", "refer", "defer"])
def test_outcome_table(outcome):
    flags = {
        "clear": (),
        "caution": ("dissociation",),
        "refer": ("unresolved_trauma",),
        "defer": ("acute_crisis",),
    }[outcome]
    result = clear([member(outcome=outcome, flags=flags)])
    got = verdicts(result)
    assert got["i-break"] == "ok"
    if outcome == "clear":
        assert set(got.values()) == {"ok"}
        assert result["status"] == "clear"
    elif outcome == "caution":
        assert got["i-vis"] == "adapt"
        assert result["status"] == "caution"
    else:
        assert {k: v for k, v in got.items() if k != "i-break"} == dict.fromkeys(
            ["i-check", "i-vis", "i-letter"], "exclude"
        )
        item = result["participants"][0]["items"][0]
        assert item["reasons"] == [f"outcome {outcome} blocks group inner child work"]
        assert result["status"] == "blocked"
    assert result["participants"][0]["outcome"] == outcome
    assert result["missing_screenings"] == []


def test_an_override_to_clear_keeps_the_computed_flags_verdicts():
    # An override changes the outcome, never the flags: a dissociating member keeps the eyes-open adaptation
    # and a mood-flagged member is still kept out of the contraindicated module.
    result = clear([member(outcome="clear", flags=("dissociation",))])
    assert verdicts(result) == {"i-check": "ok", "i-vis": "adapt", "i-letter": "ok", "i-break": "ok"}
    result = clear([member(outcome="clear", flags=("mood_exacerbation",))])
    assert verdicts(result)["i-vis"] == "exclude"


@pytest.mark.parametrize(
    "missing",
    [
        member(outcome=None, screening_id=None, valid_until=None),  # never screened
        member(outcome="clear", valid_until=NOW),  # expires exactly now: no longer valid
        member(outcome="clear", valid_until=NOW - timedelta(seconds=1)),
        member(outcome="clear", valid_until=None),
        member(outcome=None, valid_until=LATER),
    ],
)
def test_missing_or_expired_screening_is_never_clear(missing):
    result = clear([missing, member(pid="p2")])
    assert result["status"] == "blocked"
    assert result["missing_screenings"] == ["p1"]
    participant = result["participants"][0]
    assert participant["outcome"] is None
    assert participant["screening_id"] == missing.screening_id
    for item in participant["items"]:
        if item["module_id"] is None:
            assert item["verdict"] == "ok"
        else:
            assert (item["verdict"], item["reasons"]) == ("exclude", ["no valid screening"])
    assert set(verdicts(result, "p2").values()) == {"ok"}


def test_naive_valid_until_is_taken_as_utc():
    naive_later = (NOW + timedelta(hours=1)).replace(tzinfo=None)
    naive_past = (NOW - timedelta(hours=1)).replace(tzinfo=None)
    assert clear([member(valid_until=naive_later)])["status"] == "clear"
    assert clear([member(valid_until=naive_past)])["missing_screenings"] == ["p1"]


@pytest.mark.parametrize(
    ("members", "ti", "status", "warnings"),
    [
        ([], True, "clear", [NO_MEMBERS_WARNING]),
        ([], False, "clear", [NO_MEMBERS_WARNING]),
        ([member(), member(pid="p2")], True, "clear", []),
        ([member(), member(pid="p2", outcome="caution", flags=("dissociation",))], True, "caution", []),
        ([member(outcome="caution", flags=("unresolved_trauma",))], True, "caution", []),
        ([member(outcome="caution", flags=("unresolved_trauma",))], False, "caution", ["p1"]),
        (
            [member(), member(pid="p2", outcome="refer", flags=("unresolved_trauma",))],
            False,
            "blocked",
            ["p2"],
        ),
        ([member(), member(pid="p2", outcome="defer", flags=("acute_crisis",))], True, "blocked", []),
        (
            [member(), member(pid="p2", outcome=None, screening_id=None, valid_until=None)],
            True,
            "blocked",
            [],
        ),
    ],
)
def test_status_table(members, ti, status, warnings):
    result = clear(members, ti=ti)
    assert result["status"] == status
    assert len(result["facilitator_warnings"]) == len(warnings)
    for expected, text in zip(warnings, result["facilitator_warnings"], strict=True):
        assert expected in text


def test_trauma_flag_without_trauma_informed_facilitator_is_caution_even_when_every_item_is_ok():
    result = clear(
        [member(outcome="caution", flags=("unresolved_trauma",))], items=(CHECK_IN, BREAK), ti=False
    )
    assert set(verdicts(result).values()) == {"ok"}
    assert result["status"] == "caution"
    assert "trauma-informed facilitator" in result["facilitator_warnings"][0]
    result = clear(
        [member(outcome="caution", flags=("unresolved_trauma",))], items=(CHECK_IN, BREAK), ti=True
    )
    assert result["status"] == "clear" and result["facilitator_warnings"] == []


def test_caution_without_matching_contraindication_is_ok():
    result = clear([member(outcome="caution", flags=("dissociation",))], items=(CHECK_IN, LETTER, BREAK))
    assert set(verdicts(result).values()) == {"ok"}
    assert result["status"] == "clear"


def test_adapt_without_text_still_adapts():
    item = ClearanceItem("i-x", "m-x", "Mirror work", (("dissociation", "adapt", None),))
    result = clear([member(outcome="caution", flags=("dissociation",))], items=(item,))
    assert verdicts(result) == {"i-x": "adapt"}
    assert result["participants"][0]["items"][0]["adaptation"]


def test_bad_inputs_raise():
    with pytest.raises(ValueError, match="unknown outcome"):
        clear([member(outcome="maybe")])
    bad = ClearanceItem("i-x", "m-x", "X", (("dissociation", "skip", None),))
    with pytest.raises(ValueError, match="unknown contraindication action"):
        clear([member(outcome="caution", flags=("dissociation",))], items=(bad,))


def test_no_items():
    result = clear([member(outcome="caution", flags=("dissociation",))], items=())
    assert result["status"] == "clear" and result["participants"][0]["items"] == []


# property: the plan status never gets less restrictive when a member's outcome gets more restrictive

contra = st.tuples(st.sampled_from(FLAGS), st.sampled_from(("exclude", "adapt")), st.just("do it gently"))
items_strategy = st.lists(
    st.builds(
        ClearanceItem,
        item_id=st.uuids().map(str),
        module_id=st.one_of(st.none(), st.just("m")),
        module_title=st.just("M"),
        contraindications=st.lists(contra, max_size=4).map(tuple),
    ),
    max_size=5,
)
members_strategy = st.lists(
    st.builds(
        member,
        pid=st.uuids().map(str),
        outcome=st.sampled_from(OUTCOMES),
        flags=st.frozensets(st.sampled_from(FLAGS)),
    ),
    min_size=1,
    max_size=4,
)
STATUS_RANK = {s: i for i, s in enumerate(CLEARANCE_STATUSES)}
VERDICT_RANK = {v: i for i, v in enumerate(VERDICTS)}


@settings(max_examples=150, deadline=None, derandomize=True)
@given(members_strategy, items_strategy, st.booleans(), st.data())
def test_more_restrictive_outcome_never_loosens_clearance(members, items, ti, data):
    before = clear(members, items=items, ti=ti)
    index = data.draw(st.integers(0, len(members) - 1))
    current = OUTCOMES.index(members[index].outcome)
    stricter = data.draw(st.sampled_from(OUTCOMES[current:]))
    changed = list(members)
    changed[index] = member(pid=members[index].participant_id, outcome=stricter, flags=members[index].flags)
    after = clear(changed, items=items, ti=ti)
    assert STATUS_RANK[after["status"]] >= STATUS_RANK[before["status"]]
    b_items = before["participants"][index]["items"]
    a_items = after["participants"][index]["items"]
    for b, a in zip(b_items, a_items, strict=True):
        assert VERDICT_RANK[a["verdict"]] >= VERDICT_RANK[b["verdict"]]
    if any(m.outcome in ("refer", "defer") for m in changed):
        assert after["status"] == "blocked"
