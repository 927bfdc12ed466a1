"""Session plan timing and warnings: pure logic over frozen dataclasses (no Flask, no SQLAlchemy).

`compute_plan` lays the items of a plan end to end from its start time and returns each item's start
and end, the plan's end and total length, and the warnings a clinician should see (over the target
length, an item outside its module's min/max, a module not suited to the group's kind, ...).

Times are *elapsed* time: a 60-minute item that starts at 01:30 on the night the clocks spring
forward ends at 03:30 local time, because one real hour has passed. The arithmetic is done in UTC
and each result is converted back to the plan's zone (the group's timezone when one is given,
otherwise the zone of `starts_at`).

Warnings never raise. Input that cannot be scheduled (a non-positive or absurd length, an unknown
module, a naive start time) raises `PlanRuleError`, which the API layer turns into a 422.
Positions are 0-based indexes into the `items` sequence, like marshmallow's list error keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from toolkit.common.zones import get_zone
from toolkit.vocab import GROUP_KINDS

# The longest single item we schedule: a whole day. Anything longer is a typo, not a plan.
MAX_ITEM_MINUTES = 24 * 60
MAX_TARGET_MINUTES = MAX_ITEM_MINUTES  # a plan's intended length: at most a day as well
MAX_ITEMS = 100
# So no plan lasts longer than this: a plan that overlaps another starts less than this before it ends.
MAX_PLAN_LENGTH = timedelta(minutes=MAX_ITEMS * MAX_ITEM_MINUTES)

WARNING_CODES = (
    "empty_plan",
    "over_target",
    "below_min",
    "above_max",
    "unsuited_kind",
    "homework_mid_session",
    "no_opening",
    "no_closing",
    "overlap",
    "too_few_members",  # from the group's rules (groups/rules.planning_warning), added by the plan service
)


class PlanRuleError(ValueError):
    """Input a plan cannot be computed from. `position` is the item index, or None for a plan field."""

    def __init__(self, position: int | None, field: str, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"PlanRuleError(position={self.position!r}, field={self.field!r}, message={self.message!r})"


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleInfo:
    """What the plan rules need to know about an exercise module."""

    id: str
    title: str
    category: str
    min_minutes: int | None = None
    max_minutes: int | None = None
    suitable_kinds: frozenset[str] = field(default_factory=frozenset)
    setting: str = "in_session"

    def __post_init__(self) -> None:
        # Accept any iterable of kinds (list, tuple) but store an immutable, hashable set.
        if not isinstance(self.suitable_kinds, frozenset):
            object.__setattr__(self, "suitable_kinds", frozenset(self.suitable_kinds))

    @property
    def is_homework(self) -> bool:
        return self.category == "homework" or self.setting == "homework"


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemInput:
    """One item of a plan as the clinician entered it. `module_id=None` is a break."""

    module_id: str | None
    minutes: int
    notes: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledItem:
    position: int
    module_id: str | None
    minutes: int
    notes: str | None
    starts_at: datetime
    ends_at: datetime
    is_break: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanWarning:
    """A non-blocking remark on a plan. `position` is the item it concerns, None for the whole plan."""

    code: str
    message: str
    position: int | None = None


# The name the design notes use. Shadows the builtin only for code that imports it by this name.
Warning = PlanWarning


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanSchedule:
    starts_at: datetime
    ends_at: datetime
    total_minutes: int
    items: tuple[ScheduledItem, ...]
    warnings: tuple[PlanWarning, ...]

    @property
    def warning_codes(self) -> tuple[str, ...]:
        return tuple(w.code for w in self.warnings)


MAX_TITLE_LENGTH = 200
COPY_SUFFIX = " (copy)"


def copy_title(title: str, *, limit: int = MAX_TITLE_LENGTH) -> str:
    """The title of a clone: 'Title (copy)', the original shortened (with '…') so the result fits `limit`."""
    if len(title) + len(COPY_SUFFIX) <= limit:
        return f"{title}{COPY_SUFFIX}"
    return f"{title[:limit - len(COPY_SUFFIX) - 1].rstrip()}…{COPY_SUFFIX}"


def _is_aware(dt: object) -> bool:
    return isinstance(dt, datetime) and dt.tzinfo is not None and dt.utcoffset() is not None


def _fmt_minutes(minutes: int) -> str:
    return f"{minutes} min"


def _validate(
    *,
    starts_at: datetime,
    items: Sequence[ItemInput],
    modules: Mapping[str, ModuleInfo],
    group_kind: str | None,
    target_minutes: int | None,
    other_plans: Sequence[tuple[str, datetime, datetime]],
) -> None:
    if not _is_aware(starts_at):
        raise PlanRuleError(None, "starts_at", "starts_at must be a timezone-aware datetime")
    if group_kind is not None and group_kind not in GROUP_KINDS:
        raise PlanRuleError(None, "group_kind", f"group_kind must be one of {', '.join(GROUP_KINDS)}")
    if target_minutes is not None and (
        isinstance(target_minutes, bool) or not isinstance(target_minutes, int) or target_minutes <= 0
    ):
        raise PlanRuleError(None, "target_minutes", "target_minutes must be a positive whole number")
    for position, item in enumerate(items):
        _validate_item(position, item, modules)
    for index, other in enumerate(other_plans):
        if len(other) != 3 or not _is_aware(other[1]) or not _is_aware(other[2]):
            raise PlanRuleError(
                None, "other_plans", f"other_plans[{index}] must be (plan_id, aware start, aware end)"
            )


def _validate_item(position: int, item: ItemInput, modules: Mapping[str, ModuleInfo]) -> None:
    minutes = item.minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise PlanRuleError(position, "minutes", "minutes must be a whole number")
    if minutes <= 0:
        raise PlanRuleError(position, "minutes", "minutes must be greater than 0")
    if minutes > MAX_ITEM_MINUTES:
        raise PlanRuleError(position, "minutes", f"minutes must be at most {MAX_ITEM_MINUTES}")
    if item.module_id is not None and item.module_id not in modules:
        raise PlanRuleError(position, "module_id", f"unknown module {item.module_id!r}")


def compute_plan(
    *,
    starts_at: datetime,
    items: Sequence[ItemInput],
    modules: Mapping[str, ModuleInfo],
    group_kind: str | None,
    target_minutes: int | None,
    other_plans: Sequence[tuple[str, datetime, datetime]] = (),
    timezone: str | None = None,
) -> PlanSchedule:
    """Schedule `items` from `starts_at` and collect the plan's warnings.

    `modules` must hold every module the items refer to. `group_kind` is None for a template.
    `other_plans` are the *other* plans of the same group as (plan_id, starts_at, ends_at); the
    caller leaves this plan out. `timezone` (the group's IANA zone) sets the zone of every returned
    datetime; without it the zone of `starts_at` is used.
    """
    _validate(
        starts_at=starts_at,
        items=items,
        modules=modules,
        group_kind=group_kind,
        target_minutes=target_minutes,
        other_plans=other_plans,
    )
    zone: tzinfo
    if timezone is not None:
        try:
            zone = get_zone(timezone)
        except ValueError as exc:
            raise PlanRuleError(None, "timezone", str(exc)) from exc
    else:
        # _validate refused a naive starts_at above, so it carries a zone.
        assert starts_at.tzinfo is not None
        zone = starts_at.tzinfo

    start_utc = starts_at.astimezone(UTC)
    cursor = start_utc
    scheduled: list[ScheduledItem] = []
    for position, item in enumerate(items):
        end = cursor + timedelta(minutes=item.minutes)
        scheduled.append(
            ScheduledItem(
                position=position,
                module_id=item.module_id,
                minutes=item.minutes,
                notes=item.notes,
                starts_at=cursor.astimezone(zone),
                ends_at=end.astimezone(zone),
                is_break=item.module_id is None,
            )
        )
        cursor = end

    total = sum(item.minutes for item in items)
    plan_start = start_utc.astimezone(zone)
    plan_end = cursor.astimezone(zone)
    warnings = _warnings(
        items=items,
        modules=modules,
        group_kind=group_kind,
        target_minutes=target_minutes,
        total=total,
        start_utc=start_utc,
        end_utc=cursor,
        other_plans=other_plans,
    )
    return PlanSchedule(
        starts_at=plan_start,
        ends_at=plan_end,
        total_minutes=total,
        items=tuple(scheduled),
        warnings=tuple(warnings),
    )


def _warnings(
    *,
    items: Sequence[ItemInput],
    modules: Mapping[str, ModuleInfo],
    group_kind: str | None,
    target_minutes: int | None,
    total: int,
    start_utc: datetime,
    end_utc: datetime,
    other_plans: Sequence[tuple[str, datetime, datetime]],
) -> list[PlanWarning]:
    """Per-item warnings in item order, then plan-wide ones in the order of WARNING_CODES."""
    out: list[PlanWarning] = []
    for position, item in enumerate(items):
        if item.module_id is not None:
            out.extend(_item_warnings(position, item, modules[item.module_id], items=items, modules=modules,
                                      group_kind=group_kind))
    out.extend(_plan_warnings(items=items, modules=modules, target_minutes=target_minutes, total=total))
    out.extend(_overlap_warnings(start_utc=start_utc, end_utc=end_utc, other_plans=other_plans))
    return out


def _item_warnings(position: int, item: ItemInput, module: ModuleInfo, *, items: Sequence[ItemInput],
                   modules: Mapping[str, ModuleInfo], group_kind: str | None) -> list[PlanWarning]:
    """below_min, above_max, unsuited_kind and homework_mid_session for one module item (`module` is its
    module)."""
    out: list[PlanWarning] = []
    if module.min_minutes is not None and item.minutes < module.min_minutes:
        out.append(
            PlanWarning(
                code="below_min",
                position=position,
                message=(
                    f"'{module.title}' is planned for {_fmt_minutes(item.minutes)}, "
                    f"below its minimum of {_fmt_minutes(module.min_minutes)}."
                ),
            )
        )
    if module.max_minutes is not None and item.minutes > module.max_minutes:
        out.append(
            PlanWarning(
                code="above_max",
                position=position,
                message=(
                    f"'{module.title}' is planned for {_fmt_minutes(item.minutes)}, "
                    f"above its maximum of {_fmt_minutes(module.max_minutes)}."
                ),
            )
        )
    if group_kind is not None and group_kind not in module.suitable_kinds:
        out.append(
            PlanWarning(
                code="unsuited_kind",
                position=position,
                message=f"'{module.title}' is not marked as suitable for {group_kind} work.",
            )
        )
    # Homework belongs at the end: only homework modules (or breaks) may follow it.
    later = [modules[m.module_id] for m in items[position + 1 :] if m.module_id is not None]
    if module.is_homework and any(not m.is_homework for m in later):
        out.append(
            PlanWarning(
                code="homework_mid_session",
                position=position,
                message=(
                    f"'{module.title}' is homework but is followed by in-session work; "
                    "move it to the end of the session."
                ),
            )
        )
    return out


def _plan_warnings(*, items: Sequence[ItemInput], modules: Mapping[str, ModuleInfo], target_minutes: int | None,
                   total: int) -> list[PlanWarning]:
    """empty_plan, over_target, no_opening and no_closing."""
    out: list[PlanWarning] = []
    if not items:
        out.append(PlanWarning(code="empty_plan", message="This plan has no items yet."))
    if target_minutes is not None and total > target_minutes:
        out.append(
            PlanWarning(
                code="over_target",
                message=(
                    f"The plan runs {_fmt_minutes(total)}, {_fmt_minutes(total - target_minutes)} "
                    f"over its target of {_fmt_minutes(target_minutes)}."
                ),
            )
        )
    categories = {modules[it.module_id].category for it in items if it.module_id is not None}
    if categories and "opening" not in categories:
        out.append(
            PlanWarning(
                code="no_opening",
                message="The plan has no opening module (check-in or grounding) to start safely.",
            )
        )
    if categories and "closing" not in categories:
        out.append(
            PlanWarning(
                code="no_closing",
                message="The plan has no closing module to help participants settle before leaving.",
            )
        )
    return out


def _overlap_warnings(*, start_utc: datetime, end_utc: datetime,
                      other_plans: Sequence[tuple[str, datetime, datetime]]) -> list[PlanWarning]:
    out: list[PlanWarning] = []
    for plan_id, other_start, other_end in other_plans:
        # Half-open intervals: back-to-back plans do not overlap; an empty plan overlaps nothing.
        if (
            start_utc < end_utc
            and other_start.astimezone(UTC) < end_utc
            and start_utc < other_end.astimezone(UTC)
        ):
            out.append(
                PlanWarning(
                    code="overlap",
                    message=f"This plan overlaps another plan of the same group ({plan_id}).",
                )
            )
    return out
