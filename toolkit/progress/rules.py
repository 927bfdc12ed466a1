"""Progress over a programme (DESIGN.md "Progress (measurement-based care)"). Pure Python over plain
values: no Flask, no SQL.

  * thresholds: `seed/screening/v1/change.yaml`, read by the one strict YAML reader, a `source` per number;
  * baseline: the person's, one across all their groups: the latest screening taken before the moment their
    earliest membership began (any group; the first screening after it when there is none; with no
    membership, the first screening). Leaving and re-joining, or joining another group, never moves it; only
    a clinical lead's progress review does: the reviewed screening becomes the baseline;
  * change = latest - baseline; `improved` when change <= -reliable_change, `deteriorated` when change >=
    +reliable_change, else `none`; no published threshold → no verdict (None);
  * `below_caseness`: the baseline is at or above caseness and the latest is below it; `paired` over PHQ-9
    and GAD-7 as NHS Talking Therapies defines recovery, reliable improvement, reliable recovery and
    reliable deterioration. Shown only: improvement never loosens anything;
  * the loop back: a reliable deterioration is enforced (deep items excluded) unless a progress review was
    recorded after the latest screening; a later screening that still shows it enforces it again;
  * re-screens due: a member's screening is due again at a session when it will not be valid at the
    session's end, or the practice's rhythm (every N sessions of a series, or every N days) has come round.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from toolkit.common.yaml_strict import DataFileError, Node
from toolkit.common.zones import aware

DEFAULT_CHANGE_FILE = Path(__file__).resolve().parents[2] / "seed" / "screening" / "v1" / "change.yaml"

IMPROVED = "improved"
DETERIORATED = "deteriorated"
NO_CHANGE = "none"
RELIABLE_DETERIORATION = "reliable_deterioration"


class ChangeFileError(DataFileError):
    """change.yaml is malformed."""


@dataclass(frozen=True)
class Threshold:
    code: str
    reliable_change: int | None = None
    reliable_change_source: str | None = None
    caseness_at_least: int | None = None
    caseness_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reliable_change": self.reliable_change, "reliable_change_source": self.reliable_change_source,
                "caseness_at_least": self.caseness_at_least, "caseness_source": self.caseness_source}


@dataclass(frozen=True)
class Thresholds:
    version: str
    instruments: Mapping[str, Threshold]

    def get(self, code: str) -> Threshold | None:
        return self.instruments.get(code)


_INSTRUMENT_FIELDS = {"reliable_change", "reliable_change_source", "caseness_at_least", "caseness_source"}


def load_thresholds(file: str | Path = DEFAULT_CHANGE_FILE, *, known: Iterable[str] | None = None) -> Thresholds:
    """Read change.yaml strictly. Each number needs its `source`; `known` (the form's instrument codes), when
    given, refuses thresholds for an instrument the form does not have."""
    root = Node.read(file, ChangeFileError)
    root.only({"version", "instruments"})
    version = root.str("version")
    block = root.child("instruments").mapping()
    known = set(known) if known is not None else None
    instruments: dict[str, Threshold] = {}
    for code in block.data:
        node = block.child(code).mapping()
        node.only(_INSTRUMENT_FIELDS)
        if known is not None and code not in known:
            raise block.fail(f"unknown instrument {code!r}; the form has {', '.join(sorted(known))}", code)
        values: dict[str, Any] = {}
        for number, source_key in (("reliable_change", "reliable_change_source"),
                                   ("caseness_at_least", "caseness_source")):
            value = node.int(number, required=False)
            source = node.str(source_key, required=False)
            if value is not None and value < 1:
                raise node.fail("must be 1 or more", number)
            if value is not None and source is None:
                raise node.fail(f"{number} needs a {source_key} saying where the number comes from", number)
            if value is None and source is not None:
                raise node.fail(f"a source without a {number}", source_key)
            values[number], values[source_key] = value, source
        instruments[code] = Threshold(code=code, **values)
    return Thresholds(version=version, instruments=instruments)


_DEFAULT: Thresholds | None = None


def default_thresholds() -> Thresholds:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_thresholds()
    return _DEFAULT


# --------------------------------------------------------------------------------------------------------
# Change since baseline
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Taken:
    """One screening as progress sees it: when, and {instrument code: (score, band)} for the instruments
    it scored."""

    screening_id: str
    at: datetime
    scores: Mapping[str, tuple[int, str]]


def taken_from(screening_id: str, at: datetime, scores: Mapping[str, Any] | None) -> Taken:
    """From a stored screening's `scores` JSON ({code: {score, band, ...}})."""
    return Taken(screening_id=screening_id, at=aware(at),
                 scores={code: (int(s["score"]), str(s.get("band", ""))) for code, s in (scores or {}).items()
                         if isinstance(s, Mapping) and isinstance(s.get("score"), int)})


def membership_start(joined_on: date, joined_at: datetime | None) -> datetime:
    """The moment a membership began: when it was recorded, or the start (UTC) of its `joined_on` day when
    that is earlier (a membership entered afterwards)."""
    day = datetime.combine(joined_on, time.min, tzinfo=UTC)
    return min(day, aware(joined_at)) if joined_at is not None else day


def baseline_index(history: Sequence[Taken], since: datetime | None, reviewed: str | None = None) -> int | None:
    """Index (in `history`, oldest first) of the person's baseline screening, or None with no screening.
    `since`: the moment their earliest membership began (None: never a member); `reviewed`: the screening
    the latest progress review reviewed, which is the baseline from then on."""
    if not history:
        return None
    if reviewed is not None:
        for i, t in enumerate(history):
            if t.screening_id == reviewed:
                return i
    if since is None:
        return 0
    before = [i for i, t in enumerate(history) if t.at < aware(since)]
    return before[-1] if before else 0


def reliable_change(change: int | None, threshold: Threshold | None) -> str | None:
    """improved / deteriorated / none, or None when there is no published threshold or no change."""
    if change is None or threshold is None or threshold.reliable_change is None:
        return None
    if change <= -threshold.reliable_change:
        return IMPROVED
    if change >= threshold.reliable_change:
        return DETERIORATED
    return NO_CHANGE


def below_caseness(baseline: int | None, latest: int | None, threshold: Threshold | None) -> bool | None:
    if baseline is None or latest is None or threshold is None or threshold.caseness_at_least is None:
        return None
    return baseline >= threshold.caseness_at_least > latest


def instrument_progress(code: str, history: Sequence[Taken], start: int | None,
                        threshold: Threshold | None) -> dict[str, Any] | None:
    """One instrument's series and verdict, or None if no screening scored it. `history` oldest first.
    The baseline is the person's baseline screening (index `start`) if it scored this instrument, else the
    first later screening that did."""
    if start is None:
        return None
    points = [(i, t) for i, t in enumerate(history) if code in t.scores]
    if not points:
        return None
    series: list[dict[str, Any]] = [
        {"screening_id": t.screening_id, "at": t.at, "score": t.scores[code][0], "band": t.scores[code][1]}
        for _, t in points]
    in_programme = [p for (i, _), p in zip(points, series, strict=True) if i >= start]
    baseline = in_programme[0] if in_programme else None
    latest = series[-1]
    change = recovery = None
    if baseline is not None and len(in_programme) > 1:
        change = latest["score"] - baseline["score"]
        recovery = below_caseness(baseline["score"], latest["score"], threshold)
    verdict = reliable_change(change, threshold)
    return {
        "instrument": code,
        "series": series,
        "baseline": baseline,
        "latest": latest,
        "change": change,
        "reliable_change": verdict,
        "below_caseness": recovery,
        "thresholds": threshold.to_dict() if threshold is not None else None,
    }


def progress(history: Iterable[Taken], *, since: datetime | None, thresholds: Thresholds,
             instruments: Sequence[str], reviewed: str | None = None) -> list[dict[str, Any]]:
    """Every instrument (in form order) that some screening scored: see `instrument_progress` and
    `baseline_index` (`since`, `reviewed`)."""
    ordered = sorted(history, key=lambda t: (t.at, t.screening_id))
    start = baseline_index(ordered, since, reviewed)
    out = []
    for code in instruments:
        result = instrument_progress(code, ordered, start, thresholds.get(code))
        if result is not None:
            out.append(result)
    return out


PAIRED = ("phq9", "gad7")


def paired(per_instrument: Iterable[Mapping[str, Any]]) -> dict[str, bool] | None:
    """NHS Talking Therapies' paired outcomes over PHQ-9 (depression) and GAD-7 (anxiety), from the same
    baseline to the latest screening (None unless both have a baseline and a later score): a *case* at
    baseline is either at or above its caseness line; *recovery*: a case at baseline with both below their
    lines at the latest; *reliable improvement*: at least one reliably improved and neither reliably
    deteriorated; *reliable recovery*: both; *reliable deterioration*: at least one reliably deteriorated and
    neither reliably improved. Thresholds and their sources: change.yaml."""
    by_code = {p["instrument"]: p for p in per_instrument}
    both = [by_code.get(code) for code in PAIRED]
    if any(p is None or p["change"] is None or not p["thresholds"] or p["thresholds"]["caseness_at_least"] is None
           for p in both):
        return None

    def case(p: Mapping[str, Any], point: str) -> bool:
        return p[point]["score"] >= p["thresholds"]["caseness_at_least"]

    verdicts = {p["reliable_change"] for p in both if p is not None}
    caseness = any(case(p, "baseline") for p in both if p is not None)
    recovery = caseness and not any(case(p, "latest") for p in both if p is not None)
    improvement = IMPROVED in verdicts and DETERIORATED not in verdicts
    return {"caseness_at_baseline": caseness, "recovery": recovery, "reliable_improvement": improvement,
            "reliable_recovery": recovery and improvement,
            "reliable_deterioration": DETERIORATED in verdicts and IMPROVED not in verdicts}


def overall(per_instrument: Iterable[Mapping[str, Any]]) -> str | None:
    """A person's summary: deteriorated if any instrument reliably deteriorated (safety first), else improved
    if any improved, else none if some instrument has a verdict, else None (nothing to judge)."""
    verdicts = [p["reliable_change"] for p in per_instrument if p["reliable_change"] is not None]
    if DETERIORATED in verdicts:
        return DETERIORATED
    if IMPROVED in verdicts:
        return IMPROVED
    return NO_CHANGE if verdicts else None


def deterioration_texts(per_instrument: Iterable[Mapping[str, Any]], titles: Mapping[str, str] | None = None
                        ) -> tuple[str, ...]:
    """One clinician-readable line per reliably deteriorated instrument."""
    titles = titles or {}
    out = []
    for p in per_instrument:
        if p["reliable_change"] != DETERIORATED:
            continue
        name = titles.get(p["instrument"], p["instrument"])
        rc = p["thresholds"]["reliable_change"]
        out.append(f"{name} rose from {p['baseline']['score']} at baseline "
                   f"({aware(p['baseline']['at']).date().isoformat()}) to {p['latest']['score']} "
                   f"({aware(p['latest']['at']).date().isoformat()}): a reliable deterioration ({rc} or more)")
    return tuple(out)


def deterioration_enforced(*, deteriorated: bool, latest_screening_at: datetime | None,
                           reviewed_at: Iterable[datetime | None]) -> bool:
    """A reliable deterioration excludes deep items until a progress review is recorded *after* the latest
    screening. A review before the latest screening does not count: a later deterioration is never hidden."""
    if not deteriorated:
        return False
    if latest_screening_at is None:
        return True
    latest = aware(latest_screening_at)
    return not any(r is not None and aware(r) > latest for r in reviewed_at)


def person_progress(history: Sequence[Taken], *, since: datetime | None, reviewed: str | None,
                    reviews_at: Iterable[datetime], latest_screening_at: datetime | None, thresholds: Thresholds,
                    instruments: Sequence[str], titles: Mapping[str, str]) -> dict[str, Any]:
    """A person's progress against their one baseline: per instrument, the overall verdict, the paired
    outcomes, the deterioration texts and whether the deterioration is enforced (unreviewed since the latest
    screening). `reviewed`: the screening the latest progress review reviewed (the baseline from then on)."""
    per = progress(history, since=since, reviewed=reviewed, thresholds=thresholds, instruments=instruments)
    for p in per:
        p["title"] = titles.get(p["instrument"], p["instrument"])
    verdict = overall(per)
    enforced = deterioration_enforced(deteriorated=verdict == DETERIORATED, latest_screening_at=latest_screening_at,
                                      reviewed_at=list(reviews_at))
    return {"instruments": per, "overall": verdict, "paired": paired(per),
            "deterioration": list(deterioration_texts(per, titles)), "enforced": enforced,
            "reviewed": verdict == DETERIORATED and not enforced,
            "below_caseness": [p["title"] for p in per if p["below_caseness"]]}


# --------------------------------------------------------------------------------------------------------
# Re-screens due
# --------------------------------------------------------------------------------------------------------

NO_SCREENING = "no_screening"
EXPIRES_BEFORE_SESSION = "expires_before_session"
RHYTHM_SESSIONS = "rhythm_sessions"
RHYTHM_DAYS = "rhythm_days"


@dataclass(frozen=True)
class Rhythm:
    """A practice's re-screen rhythm: every N sessions of a series and/or every N days (None: not used)."""

    every_sessions: int | None = None
    every_days: int | None = None


def rescreen_reasons(*, session_starts_at: datetime, session_ends_at: datetime | None,
                     screened_at: datetime | None, valid_until: datetime | None, rhythm: Rhythm,
                     series_starts: Sequence[datetime] = ()) -> list[dict[str, str]]:
    """Why a member must be screened again before this session: [{reason, message}], empty if not due.
    `series_starts`: the start of every session of the session's series (for the every-N-sessions rhythm)."""
    if screened_at is None or valid_until is None:
        return [{"reason": NO_SCREENING, "message": "no screening yet: screen before the session"}]
    start = aware(session_starts_at)
    end = aware(session_ends_at) if session_ends_at is not None else start
    screened, until = aware(screened_at), aware(valid_until)
    out = []
    if until <= end:
        out.append({"reason": EXPIRES_BEFORE_SESSION,
                    "message": f"the screening is valid until {until.date().isoformat()}, before this session "
                               "ends"})
    if rhythm.every_days is not None and start >= screened + timedelta(days=rhythm.every_days):
        out.append({"reason": RHYTHM_DAYS,
                    "message": f"re-screen every {rhythm.every_days} days: the last screening was on "
                               f"{screened.date().isoformat()}"})
    if rhythm.every_sessions is not None and series_starts:
        held = sum(1 for s in series_starts if screened < aware(s) < start)
        if held >= rhythm.every_sessions:
            out.append({"reason": RHYTHM_SESSIONS,
                        "message": f"re-screen every {rhythm.every_sessions} sessions: {held} sessions of the "
                                   "series since the last screening"})
    return out


# --------------------------------------------------------------------------------------------------------
# A group's summary
# --------------------------------------------------------------------------------------------------------


def group_summary(members: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """members: [{participant_id, display_name, overall}] → counts and the lists for each verdict
    (`not_measured` for members with nothing to judge yet)."""
    lists: dict[str, list] = {IMPROVED: [], NO_CHANGE: [], DETERIORATED: [], "not_measured": []}
    for m in members:
        key = m["overall"] if m["overall"] in lists else "not_measured"
        lists[key].append({"participant_id": m["participant_id"], "display_name": m["display_name"]})
    return {"counts": {"improved": len(lists[IMPROVED]), "no_change": len(lists[NO_CHANGE]),
                       "deteriorated": len(lists[DETERIORATED]), "not_measured": len(lists["not_measured"])},
            "improved": lists[IMPROVED], "no_change": lists[NO_CHANGE], "deteriorated": lists[DETERIORATED],
            "not_measured": lists["not_measured"]}
