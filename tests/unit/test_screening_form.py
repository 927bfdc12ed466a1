"""The form's data model (toolkit.screening.form): each rule condition's `matches()`, the loader's errors
(file, field and line), and that an intake validates its answers once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.screening import intake, rules
from toolkit.screening.answers import valid_answers
from toolkit.screening.form import (
    AllOf,
    AnswerAtLeast,
    AnyItemAtLeast,
    AnyOf,
    Critical,
    Positive,
    ScoreAtLeast,
)
from toolkit.screening.form_loader import DEFAULT_FORM_DIR, FormError, load_form
from toolkit.screening.rules import Score

FORM = load_form()


def answers(**raised: int) -> dict[str, int]:
    return valid_answers(FORM.to_dict(), raised)


def scores(**totals: int) -> dict[str, Score]:
    return {i.code: Score(score=totals.get(i.code, 0), band="b", positive=i.code in totals, cutoff=3)
            for i in FORM.instruments}


# ----------------------------------------------------------------------------------------------------------
# conditions
# ----------------------------------------------------------------------------------------------------------


def test_score_at_least():
    cond = ScoreAtLeast(instrument="gad7", n=10)
    assert cond.matches(FORM, answers(), scores(gad7=9), None) == []
    [context] = cond.matches(FORM, answers(), scores(gad7=10), None)
    assert context["title"] == "GAD-7" and context["score"] == 10 and context["cutoff"] == 3
    assert cond.instruments(FORM) == {"gad7"} and not cond.item_level and cond.kind == "score_at_least"


def test_positive():
    cond = Positive(instrument="audit_c")
    assert cond.matches(FORM, answers(), scores(), "male") == []
    [context] = cond.matches(FORM, answers(), scores(audit_c=4), "male")
    assert context["cutoff_basis"] == "cut-off for male sex at birth"


def test_any_item_at_least_gives_one_context_per_item():
    cond = AnyItemAtLeast(instrument="phq9", n=2)
    assert cond.matches(FORM, answers(phq9_1=1), scores(), None) == []
    found = cond.matches(FORM, answers(phq9_1=2, phq9_3=3), scores(), None)
    assert [c["item_id"] for c in found] == ["phq9_1", "phq9_3"]
    assert found[1]["answer"] == 3 and found[1]["answer_label"] == FORM.item("phq9_3").label_for(3)
    assert cond.item_level


def test_answer_at_least():
    cond = AnswerAtLeast(item="phq9_2", n=2)
    assert cond.matches(FORM, answers(phq9_2=1), scores(), None) == []
    assert cond.matches(FORM, {}, scores(), None) == []  # unanswered: no match
    [context] = cond.matches(FORM, answers(phq9_2=2), scores(), None)
    assert context["item_ref"] == FORM.item("phq9_2").ref and context["title"] == "PHQ-9"
    assert cond.instruments(FORM) == {"phq9"}


def test_critical_matches_each_positive_critical_item():
    cond = Critical()
    assert cond.matches(FORM, answers(), scores(), None) == []
    found = cond.matches(FORM, answers(phq9_9=1), scores(), None)
    assert [c["item_id"] for c in found] == ["phq9_9"]
    assert "phq9" in cond.instruments(FORM) and "gad7" not in cond.instruments(FORM)


def test_all_of_merges_first_contexts_and_needs_every_child():
    cond = AllOf((ScoreAtLeast(instrument="gad7", n=5), AnswerAtLeast(item="phq9_2", n=2)))
    assert cond.matches(FORM, answers(phq9_2=2), scores(gad7=4), None) == []
    [context] = cond.matches(FORM, answers(phq9_2=2), scores(gad7=5), None)
    assert context["title"] == "GAD-7"  # the first child's keys win
    assert context["item_id"] == "phq9_2"
    assert cond.item_level and cond.instruments(FORM) == {"gad7", "phq9"}


def test_any_of_gives_the_contexts_of_every_child_that_holds():
    cond = AnyOf((ScoreAtLeast(instrument="gad7", n=5), ScoreAtLeast(instrument="phq9", n=5)))
    assert cond.matches(FORM, answers(), scores(), None) == []
    assert [c["title"] for c in cond.matches(FORM, answers(), scores(gad7=5, phq9=6), None)] == ["GAD-7", "PHQ-9"]
    assert not cond.item_level


def test_the_loaded_rules_use_the_union():
    kinds = {type(r.when) for r in FORM.rules}
    assert Critical in kinds and ScoreAtLeast in kinds


# ----------------------------------------------------------------------------------------------------------
# loader errors name the file, the field and the line
# ----------------------------------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "form"
    shutil.copytree(DEFAULT_FORM_DIR, target)
    return target


def _replace_line(file: Path, old: str, new: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if line.strip() == old)
    lines[number - 1] = lines[number - 1].replace(old, new)
    file.write_text("".join(lines), encoding="utf-8")
    return number


@pytest.mark.parametrize(("relative", "old", "new", "field", "problem"), [
    ("rules.yaml", "level: defer", "level: urgent", "rules[0].level", "must be one of info, caution"),
    ("rules.yaml", "- id: audit-c-high", "- id: critical-item", "rules[1].id", "duplicate rule id"),
    ("instruments/gad7.yaml", "screens_for: [mood_exacerbation]", "screens_for: [mood_exacerbation, "
     "mood_exacerbation]", "screens_for[1]", "listed twice"),
    ("instruments/audit_c.yaml", "cutoff: 3", "# no default cut-off", "scoring.cutoff", "needs a default"),
    ("instruments/gad7.yaml", "type: sum", "type: mean", "scoring.type", "must be one of sum"),
])
def test_loader_errors_name_file_field_and_line(tmp_path, relative, old, new, field, problem):
    directory = _copy(tmp_path)
    line = _replace_line(directory / relative, old, new)
    with pytest.raises(FormError) as info:
        load_form(directory)
    error = info.value
    assert Path(error.file) == directory / relative
    assert error.field == field and problem in error.problem, str(error)
    if field != "scoring.cutoff":  # a missing key is reported on its parent's line
        assert error.line == line
    assert f"(line {error.line})" in str(error) and relative.split("/")[-1] in str(error)


# ----------------------------------------------------------------------------------------------------------
# validation runs once per evaluation
# ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def count_validations(monkeypatch):
    calls = []
    original = rules.validate_answers

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(rules, "validate_answers", counting)
    monkeypatch.setattr(intake, "validate_answers", counting)
    return calls


def test_a_complete_screening_validates_once(count_validations):
    intake.screen(FORM, answers(), sex_at_birth=None)
    assert len(count_validations) == 1


def test_an_intake_validates_once(count_validations):
    result = intake.screen(FORM, answers(phq9_1=2), sex_at_birth="female")
    assert len(count_validations) == 1
    assert result.complete and result.scores["phq9"].score == 2


def test_an_intake_with_a_declined_critical_item_validates_once(count_validations):
    given = answers()
    del given["phq9_9"]
    result = intake.screen(FORM, given, declined=["phq9_9"], sex_at_birth=None)
    assert len(count_validations) == 1 and result.outcome == "defer"


# ----------------------------------------------------------------------------------------------------------
# the one valid answer set builder (demo, tests and bench use it)
# ----------------------------------------------------------------------------------------------------------


def test_valid_answers_are_valid_and_follow_enable_when():
    assert rules.validate_answers(FORM, answers()) == {}
    raised = answers(asq_1=1)
    assert "asq_acuity" in raised and "asq_acuity" not in answers()  # the acuity question opens on a positive ASQ
    assert rules.validate_answers(FORM, raised) == {}


def test_valid_answers_refuses_an_override_for_an_item_not_asked():
    with pytest.raises(ValueError, match="not asked"):
        answers(asq_acuity=1)


def test_valid_answers_choose():
    highest = valid_answers(FORM.to_dict(), choose=lambda item, values: values[-1])
    assert highest["phq9_1"] == 3 and rules.validate_answers(FORM, highest) == {}
