"""Intake form data, scoring, rule table and outcome (toolkit.screening.rules)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.screening.form_loader import FormError, default_form, load_form
from toolkit.screening.guidance import DEFAULT_CRISIS_LINE_TEXT, crisis_guidance
from toolkit.screening.intake import screen
from toolkit.screening.rules import AnswersError, validate_answers
from toolkit.vocab import FLAGS, OUTCOMES, SEX_AT_BIRTH

FORM = load_form()
RANK = {o: i for i, o in enumerate(OUTCOMES)}
SEXES = (*SEX_AT_BIRTH, None)
PROPERTY = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


# ----------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------


def complete(answers: dict[str, int]) -> dict[str, int]:
    """Drop answers to items that are not asked; answer every asked item left open with its lowest option."""
    result: dict[str, int] = {}
    for item in FORM.items:
        if item.is_enabled(result):
            result[item.id] = answers.get(item.id, item.min_value)
    return result


def baseline(**overrides: int) -> dict[str, int]:
    return complete(dict(overrides))


def with_total(code: str, total: int, **overrides: int) -> dict[str, int]:
    """Valid answers where `code` scores exactly `total` (filled greedily, non-critical items first)."""
    answers = dict(overrides)
    if code == "pc_ptsd5" and total > 0:
        answers["pc_ptsd5_exposure"] = 1
    if code == "audit_c" and total > 0:
        answers["audit_c_1"] = 1
    instrument = FORM.instrument(code)
    order = sorted(instrument.scoring.items, key=lambda i: FORM.item(i).critical)
    for item_id in order:
        answers.setdefault(item_id, 0)
    remaining = total - sum(answers[i] for i in order)
    for item_id in order:
        top = max(FORM.item(item_id).values)
        add = min(top - answers[item_id], remaining)
        answers[item_id] += add
        remaining -= add
    assert remaining == 0, f"{code} cannot reach {total}"
    result = complete(answers)
    assert validate_answers(FORM, result) == {}
    return result


def run(answers: dict[str, int], sex: str | None = None):
    return screen(FORM, answers, sex_at_birth=sex)


def flag_levels(evaluation) -> dict[str, str]:
    return {f.flag: f.level for f in evaluation.flags}


# ----------------------------------------------------------------------------------------------------------
# the form data
# ----------------------------------------------------------------------------------------------------------

FREQUENCY = [
    {"value": 0, "label": "Not at all"},
    {"value": 1, "label": "Several days"},
    {"value": 2, "label": "More than half the days"},
    {"value": 3, "label": "Nearly every day"},
]


def test_form_version_and_instruments():
    assert FORM.version == "2026-12.1"
    assert FORM.validity_days == 90
    assert [i.code for i in FORM.instruments] == [
        "phq9",
        "gad7",
        "pc_ptsd5",
        "asq",
        "audit_c",
        "drug_use",
        "younger_self",
        "dissociation",
        "present_crisis",
    ]
    assert default_form() is default_form()
    assert default_form().version == FORM.version


def test_to_dict_shape():
    data = FORM.to_dict()
    assert set(data) == {"version", "validity_days", "instruments"}
    for instrument in data["instruments"]:
        assert set(instrument) == {
            "code",
            "title",
            "screens_for",
            "licence",
            "source",
            "instructions",
            "items",
        }
        assert instrument["licence"] and instrument["source"] and instrument["screens_for"]
        assert set(instrument["screens_for"]) <= set(FLAGS)
        for item in instrument["items"]:
            assert set(item) == {"id", "text", "options", "enable_when", "enable_behavior", "critical"}
            values = [o["value"] for o in item["options"]]
            assert values == sorted(values) and values[0] == 0
            assert all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def test_phq9_and_gad7_published_wording():
    phq9 = FORM.instrument("phq9").to_dict()
    assert (
        phq9["instructions"]
        == "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert [i["text"] for i in phq9["items"]][0] == "Little interest or pleasure in doing things"
    assert (
        phq9["items"][8]["text"]
        == "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert all(i["options"] == FREQUENCY for i in phq9["items"])
    assert [i["critical"] for i in phq9["items"]] == [False] * 8 + [True]
    assert "No permission required" in phq9["licence"]
    gad7 = FORM.instrument("gad7").to_dict()
    assert (
        gad7["instructions"]
        == "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert len(gad7["items"]) == 7 and all(i["options"] == FREQUENCY for i in gad7["items"])
    assert gad7["items"][0]["text"] == "Feeling nervous, anxious, or on edge"


def test_critical_items_and_gates():
    critical = {i.id for i in FORM.items if i.critical}
    assert critical == {
        "phq9_9",
        "asq_1",
        "asq_2",
        "asq_3",
        "asq_4",
        "asq_acuity",
        "present_crisis_1",
        "present_crisis_2",
        "present_crisis_3",
    }
    acuity = FORM.item("asq_acuity").to_dict()
    assert acuity["text"] == "Are you having thoughts of killing yourself right now?"
    assert acuity["enable_behavior"] == "any"
    assert acuity["enable_when"] == [{"item": f"asq_{n}", "values": [1]} for n in range(1, 5)]
    for n in range(1, 6):
        assert FORM.item(f"pc_ptsd5_{n}").to_dict()["enable_when"] == [
            {"item": "pc_ptsd5_exposure", "values": [1]}
        ]
    drug = FORM.item("drug_use_1")
    assert [o.label for o in drug.options] == [
        "Never",
        "Once or twice",
        "Monthly",
        "Weekly",
        "Daily or almost daily",
    ]


def test_own_items_licence_and_screens_for():
    expected = {
        "younger_self": ("unresolved_trauma",),
        "dissociation": ("dissociation",),
        "present_crisis": ("acute_crisis",),
    }
    for code, flags in expected.items():
        instrument = FORM.instrument(code)
        assert instrument.screens_for == flags
        assert "MIT" in instrument.licence
        assert instrument.source == (
            "Clinician-entered items written for this project from the contraindications in the "
            "source material."
        )


# ----------------------------------------------------------------------------------------------------------
# published scoring: every band boundary
# ----------------------------------------------------------------------------------------------------------

BANDS = [
    ("phq9", 0, "minimal", False),
    ("phq9", 4, "minimal", False),
    ("phq9", 5, "mild", False),
    ("phq9", 9, "mild", False),
    ("phq9", 10, "moderate", True),
    ("phq9", 14, "moderate", True),
    ("phq9", 15, "moderately severe", True),
    ("phq9", 19, "moderately severe", True),
    ("phq9", 20, "severe", True),
    ("phq9", 27, "severe", True),
    ("gad7", 0, "minimal", False),
    ("gad7", 4, "minimal", False),
    ("gad7", 5, "mild", False),
    ("gad7", 9, "mild", False),
    ("gad7", 10, "moderate", True),
    ("gad7", 14, "moderate", True),
    ("gad7", 15, "severe", True),
    ("gad7", 21, "severe", True),
    ("pc_ptsd5", 0, "negative", False),
    ("pc_ptsd5", 1, "negative", False),
    ("pc_ptsd5", 2, "negative", False),
    ("pc_ptsd5", 3, "positive", True),
    ("pc_ptsd5", 4, "positive", True),
    ("pc_ptsd5", 5, "positive", True),
    ("asq", 0, "negative", False),
    ("asq", 1, "non-acute positive", True),
    ("asq", 4, "non-acute positive", True),
    ("audit_c", 0, "no alcohol use", False),
    ("audit_c", 1, "some alcohol use", False),
    ("audit_c", 7, "some alcohol use", True),
    ("audit_c", 8, "high (8 or more)", True),
    ("audit_c", 12, "high (8 or more)", True),
    ("drug_use", 0, "none", False),
    ("drug_use", 1, "less than weekly", True),
    ("drug_use", 2, "less than weekly", True),
    ("drug_use", 3, "weekly or more", True),
    ("drug_use", 4, "weekly or more", True),
    ("younger_self", 0, "low", False),
    ("younger_self", 2, "low", False),
    ("younger_self", 3, "moderate", True),
    ("younger_self", 5, "moderate", True),
    ("younger_self", 6, "high", True),
    ("younger_self", 9, "high", True),
    ("dissociation", 0, "low", False),
    ("dissociation", 2, "low", False),
    ("dissociation", 3, "moderate", True),
    ("dissociation", 5, "moderate", True),
    ("dissociation", 6, "high", True),
    ("dissociation", 9, "high", True),
    ("present_crisis", 0, "none", False),
    ("present_crisis", 1, "present crisis", True),
    ("present_crisis", 3, "present crisis", True),
]


@pytest.mark.parametrize(("code", "total", "band", "positive"), BANDS)
def test_published_bands(code, total, band, positive):
    score = run(with_total(code, total), sex="female").scores[code]
    assert (score.score, score.band, score.positive) == (total, band, positive)


def test_band_table_covers_every_band_edge():
    for instrument in FORM.instruments:
        edges = {b.min for b in instrument.scoring.bands} | {b.max for b in instrument.scoring.bands}
        if instrument.code == "asq":
            edges -= {2, 3}  # inner values of one band, nothing changes there
        tested = {total for code, total, _, _ in BANDS if code == instrument.code}
        assert edges <= tested, (instrument.code, sorted(edges - tested))


@pytest.mark.parametrize(
    ("total", "sex", "positive", "cutoff"),
    [
        (2, "male", False, 4),
        (3, "male", False, 4),
        (4, "male", True, 4),
        (2, "female", False, 3),
        (3, "female", True, 3),
        (4, "female", True, 3),
        (2, None, False, 3),
        (3, None, True, 3),
        (3, "unknown", True, 3),
        (3, "intersex", True, 3),
        (3, "other", True, 3),
        (2, "unknown", False, 3),
    ],
)
def test_audit_c_cutoff_by_sex(total, sex, positive, cutoff):
    evaluation = run(with_total("audit_c", total), sex=sex)
    score = evaluation.scores["audit_c"]
    assert (score.positive, score.cutoff) == (positive, cutoff)
    notes = [n for n in evaluation.notes if n.instrument == "audit_c"]
    assert bool(notes) is positive
    assert evaluation.outcome == "clear"  # a positive AUDIT-C below 8 is a note, not a flag


def test_audit_c_note_names_the_cutoff_basis():
    note = run(with_total("audit_c", 3), sex=None).notes[0]
    assert note.text.startswith("AUDIT-C total 3 ≥ 3 (sex at birth not recorded: the lower cut-off applies)")
    note = run(with_total("audit_c", 5), sex="male").notes[0]
    assert "≥ 4 (cut-off for male sex at birth)" in note.text


def test_pc_ptsd5_gate():
    assert run(baseline(pc_ptsd5_exposure=0)).scores["pc_ptsd5"].score == 0
    answers = baseline(pc_ptsd5_exposure=1)
    assert {f"pc_ptsd5_{n}" for n in range(1, 6)} <= set(answers)
    assert run(answers).scores["pc_ptsd5"].score == 0  # exposure itself is not counted
    assert run(with_total("pc_ptsd5", 5)).scores["pc_ptsd5"].score == 5


def test_asq_acuity_is_asked_when_any_of_the_four_is_yes():
    assert "asq_acuity" not in baseline()
    for n in range(1, 5):
        answers = baseline(**{f"asq_{n}": 1})
        assert answers["asq_acuity"] == 0
        score = run(answers).scores["asq"]
        assert (score.band, score.positive) == ("non-acute positive", True)
    score = run(baseline(asq_4=1, asq_acuity=1)).scores["asq"]
    assert (score.score, score.band, score.positive) == (1, "acute positive", True)


# ----------------------------------------------------------------------------------------------------------
# rule table → flags → outcome
# ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "levels"),
    [
        (baseline(), {}),
        (with_total("phq9", 9), {}),
        (with_total("phq9", 10), {"mood_exacerbation": "caution"}),
        (with_total("phq9", 19), {"mood_exacerbation": "caution"}),
        (with_total("phq9", 20), {"mood_exacerbation": "refer"}),
        (with_total("gad7", 9), {}),
        (with_total("gad7", 10), {"mood_exacerbation": "caution"}),
        (with_total("gad7", 21), {"mood_exacerbation": "caution"}),
        (with_total("pc_ptsd5", 2), {}),
        (with_total("pc_ptsd5", 3), {"unresolved_trauma": "caution"}),
        (with_total("younger_self", 2), {}),
        (with_total("younger_self", 3), {"unresolved_trauma": "caution"}),
        (with_total("younger_self", 5), {"unresolved_trauma": "caution"}),
        (with_total("younger_self", 6), {"unresolved_trauma": "refer"}),
        (
            with_total("younger_self", 3, pc_ptsd5_exposure=1, pc_ptsd5_1=1, pc_ptsd5_2=1, pc_ptsd5_3=1),
            {"unresolved_trauma": "refer"},
        ),
        (
            with_total("younger_self", 2, pc_ptsd5_exposure=1, pc_ptsd5_1=1, pc_ptsd5_2=1, pc_ptsd5_3=1),
            {"unresolved_trauma": "caution"},
        ),
        (baseline(dissociation_1=1, dissociation_2=1), {}),
        (baseline(dissociation_2=2), {"dissociation": "caution"}),
        (with_total("dissociation", 3), {"dissociation": "caution"}),
        (with_total("dissociation", 9), {"dissociation": "caution"}),
        (with_total("audit_c", 7), {}),
        (with_total("audit_c", 8), {"acute_crisis": "defer"}),
        (baseline(drug_use_1=1), {}),
        (baseline(drug_use_1=2), {}),
        (baseline(drug_use_1=3), {"acute_crisis": "defer"}),
        (baseline(drug_use_1=4), {"acute_crisis": "defer"}),
        (baseline(phq9_9=1), {"acute_crisis": "defer"}),
        (baseline(asq_1=1), {"acute_crisis": "defer"}),
        (baseline(asq_2=1), {"acute_crisis": "defer"}),
        (baseline(asq_3=1), {"acute_crisis": "defer"}),
        (baseline(asq_4=1), {"acute_crisis": "defer"}),
        (baseline(present_crisis_1=1), {"acute_crisis": "defer"}),
        (baseline(present_crisis_2=1), {"acute_crisis": "defer"}),
        (baseline(present_crisis_3=1), {"acute_crisis": "defer"}),
    ],
)
@pytest.mark.parametrize("sex", ["male", "female", None])
def test_rule_table(answers, levels, sex):
    evaluation = run(answers, sex)
    assert flag_levels(evaluation) == levels
    expected = max(levels.values(), key=RANK.__getitem__, default="clear")
    assert evaluation.outcome == expected
    for flag in evaluation.flags:
        assert flag.reasons and all(isinstance(r, str) and r for r in flag.reasons)


def test_reasons_read_like_a_clinician_wrote_them():
    evaluation = run(baseline(phq9_9=1))
    assert evaluation.flags[0].reasons == ("PHQ-9 item 9 answered 'Several days'",)
    mood = run(with_total("phq9", 12)).flags[0]
    assert mood.reasons == ("PHQ-9 total 12 (moderate) ≥ 10",)
    acuity = run(baseline(asq_2=1, asq_acuity=1)).flags[0]
    assert acuity.reasons == ("ASQ question 2 answered 'Yes'", "ASQ acuity question answered 'Yes'")
    drug = run(baseline(drug_use_1=3)).flags[0]
    assert drug.reasons == ("Drug use question answered 'Weekly': use weekly or more often",)
    note = run(baseline(drug_use_1=1)).notes[0]
    assert note.text.startswith("Drug use question answered 'Once or twice'")


def test_flags_come_in_vocabulary_order_and_outcome_is_most_restrictive():
    answers = with_total("phq9", 12, dissociation_1=2, present_crisis_2=1)
    evaluation = run(answers)
    assert [f.flag for f in evaluation.flags] == ["mood_exacerbation", "dissociation", "acute_crisis"]
    assert evaluation.outcome == "defer"
    data = evaluation.to_dict()
    assert data["outcome"] == "defer" and data["form_version"] == FORM.version
    assert data["crisis_guidance"]["crisis_line"] == DEFAULT_CRISIS_LINE_TEXT
    assert data["flags"][0] == {
        "flag": "mood_exacerbation",
        "level": "caution",
        "reasons": ["PHQ-9 total 12 (moderate) ≥ 10"],
        "rules": ["phq9-moderate"],
    }
    assert run(baseline()).to_dict()["crisis_guidance"] is None
    assert evaluation.to_dict(crisis_line_text="Call 000")["crisis_guidance"]["crisis_line"] == "Call 000"


def test_crisis_guidance():
    guidance = crisis_guidance(None)
    assert guidance["checklist"] and all(isinstance(s, str) for s in guidance["checklist"])
    assert "local emergency procedures" in guidance["crisis_line"]
    assert not re.search(r"\d{3}", " ".join([guidance["crisis_line"], *guidance["checklist"]]))
    assert crisis_guidance("  ")["crisis_line"] == DEFAULT_CRISIS_LINE_TEXT
    assert (
        crisis_guidance("Ring the on-call line: 0800 123")["crisis_line"] == "Ring the on-call line: 0800 123"
    )


# ----------------------------------------------------------------------------------------------------------
# validation of answers
# ----------------------------------------------------------------------------------------------------------


def test_valid_answers_have_no_errors():
    assert validate_answers(FORM, baseline()) == {}
    assert validate_answers(FORM, with_total("pc_ptsd5", 4, asq_3=1)) == {}


@pytest.mark.parametrize(
    ("change", "item", "message"),
    [
        (lambda a: a.pop("phq9_4"), "phq9_4", "required"),
        (lambda a: a.update(phq9_4=4), "phq9_4", "not one of the option values (0, 1, 2, 3)"),
        (lambda a: a.update(phq9_4=-1), "phq9_4", "not one of the option values"),
        (lambda a: a.update(phq9_4=True), "phq9_4", "must be an integer"),
        (lambda a: a.update(phq9_4="2"), "phq9_4", "must be an integer"),
        (lambda a: a.update(phq9_4=1.0), "phq9_4", "must be an integer"),
        (lambda a: a.update(phq9_4=None), "phq9_4", "must be an integer"),
        (lambda a: a.update(phq9_10=0), "phq9_10", "unknown item id"),
        (
            lambda a: a.update(pc_ptsd5_1=1),
            "pc_ptsd5_1",
            "not asked: answer only when pc_ptsd5_exposure is 'Yes'",
        ),
        (lambda a: a.update(pc_ptsd5_1=0), "pc_ptsd5_1", "not asked"),
        (
            lambda a: a.update(asq_acuity=0),
            "asq_acuity",
            "not asked: answer only when asq_1 is 'Yes' or asq_2",
        ),
        (lambda a: a.update(audit_c_2=0), "audit_c_2", "not asked"),
        (lambda a: a.update(pc_ptsd5_exposure=1), "pc_ptsd5_3", "required"),
        (lambda a: a.update(asq_4=1), "asq_acuity", "required"),
        (lambda a: a.update(audit_c_1=2), "audit_c_3", "required"),
    ],
)
def test_validation_errors(change, item, message):
    answers = baseline()
    change(answers)
    errors = validate_answers(FORM, answers)
    assert item in errors, errors
    assert any(message in text for text in errors[item]), errors[item]
    if item == "asq_acuity" and message == "required":  # a positive critical item lets the form stop there
        stopped = screen(FORM, answers, sex_at_birth=None)
        assert stopped.outcome == "defer" and not stopped.complete
        return
    with pytest.raises(AnswersError) as info:
        screen(FORM, answers, sex_at_birth=None)
    assert item in info.value.errors


def test_validation_of_a_bad_gate_does_not_blame_its_follow_ups():
    answers = baseline()
    answers.update(pc_ptsd5_exposure=7, pc_ptsd5_1=1)
    errors = validate_answers(FORM, answers)
    assert list(errors) == ["pc_ptsd5_exposure"]


def test_validation_of_non_mapping():
    assert validate_answers(FORM, [1, 2]) == {
        "answers": ["must be an object mapping item ids to integer option values"]
    }
    assert set(validate_answers(FORM, {})) == {i.id for i in FORM.enabled_items({})}


# ----------------------------------------------------------------------------------------------------------
# broken data files fail loudly, naming the file and field
# ----------------------------------------------------------------------------------------------------------


def _broken_copy(tmp_path: Path, relative: str, edit) -> Path:
    target = tmp_path / "form"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seed" / "screening" / "v1", target)
    file = target / relative
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    edit(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def _rule(data, rule_id):
    return next(r for r in data["rules"] if r["id"] == rule_id)


@pytest.mark.parametrize(
    ("relative", "edit", "field", "problem"),
    [
        ("form.yaml", lambda d: d.pop("version"), "version", "is required"),
        ("form.yaml", lambda d: d["instruments"].append("nope"), "", "cannot read"),
        ("instruments/phq9.yaml", lambda d: d.update(code="phq8"), "code", "must be 'phq9'"),
        (
            "instruments/phq9.yaml",
            lambda d: d.update(screens_for=["sadness"]),
            "screens_for[0]",
            "not a flag",
        ),
        ("instruments/phq9.yaml", lambda d: d["items"][3].pop("text"), "items[3].text", "is required"),
        (
            "instruments/phq9.yaml",
            lambda d: d["items"][3].update(
                options=[{"value": 0, "label": "a"}, {"value": "1", "label": "b"}]
            ),
            "items[3].options[1].value",
            "must be an integer",
        ),
        ("instruments/phq9.yaml", lambda d: d["items"][3].update(colour="red"), "items[3]", "unknown field"),
        (
            "instruments/gad7.yaml",
            lambda d: d["items"][1].update(id="phq9_1"),
            "items[1].id",
            "duplicate item id",
        ),
        (
            "instruments/gad7.yaml",
            lambda d: d["scoring"]["bands"][1].update(min=6),
            "scoring.bands[1]",
            "contiguous",
        ),
        (
            "instruments/gad7.yaml",
            lambda d: d["scoring"]["bands"][3].update(max=20),
            "scoring.bands",
            "highest possible score 21",
        ),
        (
            "instruments/gad7.yaml",
            lambda d: d["items"][0].update(critical=True),
            "items[0].critical",
            "acute_crisis",
        ),
        (
            "instruments/asq.yaml",
            lambda d: d["items"][4].update(enable_behavior="some"),
            "items[4].enable_behavior",
            "must be one of all, any",
        ),
        (
            "instruments/asq.yaml",
            lambda d: d["items"][4]["enable_when"][0].update(item="asq_9"),
            "items[4].enable_when[0].item",
            "not an earlier item",
        ),
        (
            "instruments/asq.yaml",
            lambda d: d["items"][4]["enable_when"][0].update(values=[0]),
            "items[4].enable_when[0].values",
            "lowest option",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "audit-c-high").update(level="refer"),
            "rules[1].level",
            "acute_crisis always gives defer",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "dissociation-item").update(level="refer"),
            "rules[13].level",
            "dissociation alone is caution",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "gad7-moderate").update(flag="unresolved_trauma"),
            "rules[7].flag",
            "screens_for does not list it",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "gad7-moderate").update(reason="GAD-7 {total}"),
            "rules[7].reason",
            "placeholder",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "gad7-moderate")["when"].update(instrument="gad8"),
            "rules[7].when.instrument",
            "not an instrument",
        ),
        (
            "rules.yaml",
            lambda d: _rule(d, "gad7-moderate").update(when={"instrument": "gad7", "score_above": 3}),
            "rules[7].when",
            "unrecognised condition",
        ),
        ("rules.yaml", lambda d: d["rules"].pop(0), "rules", "critical: true"),
        (
            "rules.yaml",
            lambda d: d["rules"].remove(_rule(d, "gad7-moderate")),
            "rules",
            "'gad7' screens for 'mood_exacerbation' but no rule",
        ),
    ],
)
def test_broken_files_raise_form_error(tmp_path, relative, edit, field, problem):
    directory = _broken_copy(tmp_path, relative, edit)
    with pytest.raises(FormError) as info:
        load_form(directory)
    error = info.value
    assert error.field == field, str(error)
    assert problem in error.problem, str(error)
    assert Path(error.file).name in str(error)


def test_invalid_yaml(tmp_path):
    directory = _broken_copy(tmp_path, "rules.yaml", lambda d: None)
    (directory / "rules.yaml").write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(FormError, match=r"rules\.yaml: not valid YAML"):
        load_form(directory)


# ----------------------------------------------------------------------------------------------------------
# properties over random valid answer sets
# ----------------------------------------------------------------------------------------------------------

UNGATED_CRITICAL = tuple(i.id for i in FORM.items if i.critical and not i.enable_when)


CODES = tuple(i.code for i in FORM.instruments)


@st.composite
def answer_sets(draw, force_critical: bool = False, only: tuple[str, ...] | None = None):
    """Valid answer sets, generated in form order so enable_when is respected.

    Each set answers a random subset of instruments freely (the rest at their minimum) and allows critical
    items above their minimum only sometimes, so every outcome occurs often. `force_critical` answers one
    ungated critical item above its minimum; `only` restricts the freely answered instruments."""
    active = set(only) if only is not None else draw(st.sets(st.sampled_from(CODES)))
    crisis_allowed = force_critical or draw(st.booleans())
    forced = draw(st.sampled_from(UNGATED_CRITICAL)) if force_critical else None
    answers: dict[str, int] = {}
    for item in FORM.items:
        if not item.is_enabled(answers):
            continue
        if item.id == forced:
            answers[item.id] = draw(st.sampled_from([v for v in item.values if v > item.min_value]))
        elif item.instrument not in active or (item.critical and not crisis_allowed):
            answers[item.id] = item.min_value
        else:
            answers[item.id] = draw(st.sampled_from(item.values))
    return answers


sexes = st.sampled_from(SEXES)


@PROPERTY
@given(answer_sets(), sexes)
def test_generated_answers_are_valid_and_scored(answers, sex):
    assert validate_answers(FORM, answers) == {}
    evaluation = run(answers, sex)
    assert evaluation.outcome in OUTCOMES
    assert evaluation.outcome == max(
        (f.level for f in evaluation.flags), key=RANK.__getitem__, default="clear"
    )
    assert all(f.reasons for f in evaluation.flags)
    if "acute_crisis" in evaluation.flag_names:
        assert evaluation.outcome == "defer"


@PROPERTY
@given(answer_sets(force_critical=True), sexes)
def test_critical_item_above_minimum_always_defers(answers, sex):
    evaluation = run(answers, sex)
    assert evaluation.outcome == "defer"
    assert flag_levels(evaluation)["acute_crisis"] == "defer"
    assert evaluation.to_dict()["crisis_guidance"] is not None


@PROPERTY
@given(answer_sets(), sexes)
def test_any_critical_answer_defers(answers, sex):
    critical = [i for i in FORM.items if i.critical and answers.get(i.id, 0) > i.min_value]
    if critical:
        assert run(answers, sex).outcome == "defer"


@PROPERTY
@given(answer_sets(), sexes, st.data())
def test_raising_any_single_answer_never_lowers_the_outcome(answers, sex, data):
    before = RANK[run(answers, sex).outcome]
    raisable = [i for i in FORM.items if i.id in answers and answers[i.id] < max(i.values)]
    if not raisable:
        return
    item = data.draw(st.sampled_from(raisable))
    value = data.draw(st.sampled_from([v for v in item.values if v > answers[item.id]]))
    raised = complete({**answers, item.id: value})  # newly asked follow-ups start at their lowest option
    assert all(raised[k] == v for k, v in answers.items() if k != item.id)  # raising never hides an item
    assert RANK[run(raised, sex).outcome] >= before


@settings(PROPERTY, max_examples=80)
@given(answer_sets(), sexes)
def test_monotone_exhaustively_for_each_item(answers, sex):
    before = RANK[run(answers, sex).outcome]
    for item in FORM.items:
        if item.id not in answers:
            continue
        for value in item.values:
            if value > answers[item.id]:
                assert RANK[run(complete({**answers, item.id: value}), sex).outcome] >= before, (
                    item.id,
                    value,
                )


@PROPERTY
@given(answer_sets(only=("dissociation",)), sexes)
def test_dissociation_alone_is_at_most_caution(answers, sex):
    evaluation = run(answers, sex)
    assert set(flag_levels(evaluation)) <= {"dissociation"}
    assert evaluation.outcome in ("clear", "caution")
