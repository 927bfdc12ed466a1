"""Attendance, rosters and prerequisites as plain functions (no Flask, no database)."""

from dataclasses import dataclass, field
from datetime import date

from ..groups.rules import on_roster, roster_on  # noqa: F401  (the roster rules live with groups)

STATUSES = ("present", "late", "left_early", "excused", "late_cancel", "no_show", "cancelled_by_practice")
ATTENDED = frozenset({"present", "late", "left_early"})
ABSENT = frozenset({"excused", "late_cancel", "no_show", "cancelled_by_practice"})


def off_roster(records, roster) -> list[int]:
    """Indexes of records whose participant is not on the session's roster."""
    allowed = set(roster)
    return [i for i, r in enumerate(records) if r["participant_id"] not in allowed]


def duplicates(records) -> list[int]:
    seen: set[str] = set()
    result = []
    for i, r in enumerate(records):
        if r["participant_id"] in seen:
            result.append(i)
        seen.add(r["participant_id"])
    return result


@dataclass
class Tally:
    participant_id: str
    sessions_held: int = 0
    unrecorded: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    @property
    def attendance_rate(self) -> float | None:
        """Attended (present, late, left early) over the sessions held for this member, not counting those the
        practice cancelled; None before any counts."""
        expected = self.sessions_held - self.counts["cancelled_by_practice"] - self.unrecorded
        if expected <= 0:
            return None
        return round(sum(self.counts[s] for s in ATTENDED) / expected, 3)


def tally(*, sessions, members) -> list[Tally]:
    """Per member: over the sessions held (those with attendance recorded) while they were on the roster,
    how often each state was recorded. `sessions`: [(roster ids, {participant_id: status})]; `members`:
    the ids to tally, in order."""
    result = {pid: Tally(pid) for pid in members}
    for roster, statuses in sessions:
        if not statuses:
            continue  # not held yet (or not recorded): it counts for nobody
        for pid in roster:
            if pid not in result:
                continue
            result[pid].sessions_held += 1
            status = statuses.get(pid)
            if status is None:
                result[pid].unrecorded += 1
            else:
                result[pid].counts[status] += 1
    return list(result.values())


@dataclass(frozen=True)
class EarlierSession:
    """A session of the same group before the one being cleared."""
    plan_id: str
    title: str
    session_number: int | None
    day: date
    module_slugs: frozenset
    roster: frozenset
    statuses: dict  # participant_id -> status (what was recorded)


@dataclass(frozen=True)
class MissedPrerequisite:
    participant_id: str
    item_id: str
    module_slug: str
    prerequisite: str
    session: str | None  # the earlier session that had it (title), None when none did

    @property
    def message(self) -> str:
        if self.session is None:
            return f"missed_prerequisite: {self.prerequisite} comes first, and no earlier session or item had it"
        return f"missed_prerequisite: {self.prerequisite} was in {self.session}, which this member did not attend"


def _label(session: EarlierSession) -> str:
    number = f"session {session.session_number}: " if session.session_number else ""
    return f"{number}{session.title} ({session.day.isoformat()})"


def missed_prerequisites(*, items, roster, earlier) -> list[MissedPrerequisite]:
    """For every item [(item_id, module_slug, prerequisites)] of a session and every member on its roster: each
    prerequisite that neither an earlier item of this session nor an earlier session the member attended had.
    A member attended an earlier session when they were on its roster and no absence was recorded (a session
    ahead whose attendance is not taken yet counts as attended: they are expected there). A member not on an
    earlier session's roster (joined after it) missed it."""
    result = []
    seen_slugs: set[str] = set()
    for item_id, slug, prerequisites in items:
        for needed in prerequisites or ():
            if needed in seen_slugs:
                continue
            having = sorted((s for s in earlier if needed in s.module_slugs), key=lambda s: (s.day, s.plan_id))
            for pid in roster:
                if any(pid in s.roster and s.statuses.get(pid) not in ABSENT for s in having):
                    continue
                result.append(MissedPrerequisite(participant_id=pid, item_id=item_id, module_slug=slug,
                                                 prerequisite=needed,
                                                 session=_label(having[-1]) if having else None))
        if slug:
            seen_slugs.add(slug)
    return result
