"""An intake form as people really answer it: declined items and stopping at a crisis. Pure Python.

  * `declined: [item ids]`: a declined critical item counts as positive (raises `acute_crisis`); any other
    declined item leaves its instrument incomplete;
  * a positive critical item (answered or declined) lets the screening be saved with instruments left
    unanswered (as the ASQ instructs: stop and act); without one, an unanswered item is still an error;
  * an incomplete screening is never better than `caution`, with a finding naming each incomplete instrument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from toolkit.vocab import FLAGS

from .form import Form
from .rules import (
    REQUIRED,
    AnswersError,
    Evaluation,
    FlagResult,
    Note,
    most_restrictive,
    score_answers,
    validate_answers,
)


@dataclass(frozen=True)
class Intake:
    evaluation: Evaluation
    complete: bool
    incomplete: Mapping[str, tuple[str, ...]]  # instrument code -> unanswered item ids (declined or skipped)
    declined: tuple[str, ...]

    @property
    def outcome(self) -> str:
        return self.evaluation.outcome

    def scores(self) -> dict[str, dict[str, Any]]:
        return {code: {**s.to_dict(), "complete": code not in self.incomplete}
                for code, s in self.evaluation.scores.items()}


def assumed_positive(form: Form, declined: Iterable[Any]) -> dict[str, int]:
    """Declined critical items count as positive: their highest option, for deciding which follow-ups are
    asked (a declined ASQ question still opens the acuity question). Never used as a score."""
    known = {item.id for item in form.items}
    return {i: max(form.item(i).values) for i in declined if isinstance(i, str) and i in known
            and form.item(i).critical}


def check_declined(form: Form, answers: Mapping[str, Any], declined: Iterable[Any]) -> dict[str, list[str]]:
    declined = list(declined)
    errors: dict[str, list[str]] = {}
    gates = {**{k: v for k, v in answers.items() if isinstance(v, int)}, **assumed_positive(form, declined)}
    known = {item.id for item in form.items}
    seen: set[str] = set()
    for index, item_id in enumerate(declined):
        key = f"declined.{index}"
        if not isinstance(item_id, str) or item_id not in known:
            errors[key] = [f"{item_id!r} is not an item of form version {form.version}"]
        elif item_id in seen:
            errors[key] = [f"{item_id!r} is listed twice"]
        elif item_id in answers:
            errors[key] = [f"{item_id!r} has an answer: an item is either answered or declined"]
        elif not form.item(item_id).is_enabled(gates):
            errors[key] = [f"{item_id!r} is not asked with these answers, so it cannot be declined"]
        if isinstance(item_id, str):
            seen.add(item_id)
    return errors


def positive_critical(form: Form, answers: Mapping[str, int], declined: Iterable[str]) -> list[str]:
    declined = set(declined)
    return [item.id for item in form.items if item.critical and (
        item.id in declined or (answers.get(item.id) is not None and answers[item.id] > item.min_value))]


def take(form: Form, answers: Mapping[str, int], *, declined: Iterable[str] = (),
         sex_at_birth: str | None) -> Intake:
    """Validate and score a submission. Raises AnswersError (errors keyed by item id, or `declined.N`)."""
    declined = tuple(declined)
    errors = check_declined(form, answers, declined)
    if errors:
        raise AnswersError(errors)
    assume = assumed_positive(form, declined)
    problems = validate_answers(form, answers, assume=assume)
    unanswered = {key for key, value in problems.items() if value == [REQUIRED]}
    problems = {key: value for key, value in problems.items() if value != [REQUIRED]}
    if problems:
        raise AnswersError(problems)
    skipped = unanswered - set(declined)
    if skipped and not positive_critical(form, answers, declined):
        raise AnswersError({key: [REQUIRED] for key in sorted(skipped, key=[i.id for i in form.items].index)})
    evaluation = score_answers(form, answers, sex_at_birth=sex_at_birth)  # validated above, once

    flags = {f.flag: f for f in evaluation.flags}
    declined_critical = [form.item(i) for i in declined if form.item(i).critical]
    if declined_critical:
        reasons = tuple(f"{form.instrument(i.instrument).title} {i.ref} declined: a declined critical question "
                        "counts as positive" for i in declined_critical)
        crisis = flags.get("acute_crisis")
        flags["acute_crisis"] = FlagResult(
            flag="acute_crisis", level="defer",
            reasons=(crisis.reasons if crisis else ()) + reasons,
            rule_ids=(crisis.rule_ids if crisis else ()) + ("declined-critical",))

    incomplete: dict[str, tuple[str, ...]] = {}
    for item in form.items:
        if item.id in unanswered:
            incomplete[item.instrument] = incomplete.get(item.instrument, ()) + (item.id,)
    notes = list(evaluation.notes)
    for code, item_ids in incomplete.items():
        instrument = form.instrument(code)
        refs = ", ".join(f"{form.item(i).ref} {'declined' if i in declined else 'not answered'}" for i in item_ids)
        notes.append(Note(instrument=code, level="caution", rule_id="incomplete-instrument",
                          text=f"{instrument.title} is incomplete ({refs}): an incomplete screening is never "
                               "better than caution"))
    ordered = tuple(flags[f] for f in FLAGS if f in flags)
    outcome = most_restrictive([f.level for f in ordered] + (["caution"] if incomplete else []))
    evaluation = replace(evaluation, flags=ordered, notes=tuple(notes), outcome=outcome)
    return Intake(evaluation=evaluation, complete=not incomplete, incomplete=incomplete, declined=declined)
