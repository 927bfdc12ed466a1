"""Session plans: load rows, call the timing rules, change state, flush."""

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload, selectinload

from .. import signals
from ..common.etag import etag_of
from ..common.query import flush_delete, sorted_by
from ..errors import Conflict, Invalid
from ..exercises.models import ExerciseModule
from ..extensions import db
from ..groups.models import Group
from ..groups.rules import planning_warning
from ..signals import answers, plan_uses
from .identity import ItemIdentityError, Sent, Stored, match_items
from .leads import check_leads, keep_valid_leads
from .models import PlanItem, SessionPlan
from .rules import MAX_PLAN_LENGTH, ItemInput, ModuleInfo, PlanRuleError, PlanSchedule, compute_plan, copy_title


def module_info(module: ExerciseModule) -> ModuleInfo:
    return ModuleInfo(id=module.id, title=module.title, category=module.category,
                      min_minutes=module.min_minutes, max_minutes=module.max_minutes,
                      suitable_kinds=frozenset(module.suitable_kinds), setting=module.setting)


def plan_zone(plan: SessionPlan) -> str | None:
    return plan.group.timezone if plan.group is not None else None


def _fixed_zone(plan: SessionPlan):
    return timezone(timedelta(minutes=plan.utc_offset_minutes))


def overlapping_plans(plans) -> dict[str, list[tuple[str, datetime, datetime]]]:
    """(id, start, end) of the other plans of each plan's group that overlap it, by plan id: one query for a
    whole page, which asks only for the neighbours in time (`starts_at < end AND ends_at > start`), not for
    every plan of the groups. Since no plan is longer than MAX_PLAN_LENGTH, a plan that overlaps starts after
    `start - MAX_PLAN_LENGTH`: that lower bound closes the (group_id, starts_at) index range, so what is read
    does not grow with a group's history. Templates and empty plans overlap nothing (the same half-open rule
    as `rules.compute_plan`)."""
    timed = [p for p in plans if p.group_id and p.starts_at is not None and p.ends_at is not None
             and p.starts_at < p.ends_at]
    result: dict[str, list] = {p.id: [] for p in plans}
    if not timed:
        return result
    spans: dict[str, tuple[datetime, datetime]] = {}  # per group: the page's earliest start and latest end
    for p in timed:
        assert p.group_id and p.starts_at and p.ends_at
        first, last = spans.get(p.group_id, (p.starts_at, p.ends_at))
        spans[p.group_id] = (min(first, p.starts_at), max(last, p.ends_at))
    # One range per group (a page of one group's list: one), closed at both ends; the exact pairs below.
    near = or_(*(and_(SessionPlan.group_id == group_id, SessionPlan.starts_at > first - MAX_PLAN_LENGTH,
                      SessionPlan.starts_at < last, SessionPlan.ends_at > first)
                 for group_id, (first, last) in spans.items()))
    rows = db.session.execute(select(SessionPlan.id, SessionPlan.group_id, SessionPlan.starts_at,
                                     SessionPlan.ends_at).where(near)).all()
    for plan in timed:
        result[plan.id] = [(r.id, r.starts_at, r.ends_at) for r in rows
                           if r.group_id == plan.group_id and r.id != plan.id
                           and r.starts_at < plan.ends_at and plan.starts_at < r.ends_at]
    return result


# A template without a start is timed from this reference moment; its times are shown as null.
REFERENCE_START = datetime(2000, 1, 3, tzinfo=UTC)


def schedule(plan: SessionPlan, others=()) -> PlanSchedule:
    items = [ItemInput(module_id=i.module_id, minutes=i.minutes, notes=i.notes) for i in plan.items]
    modules = {i.module.id: module_info(i.module) for i in plan.items if i.module is not None}
    starts_at = (plan.starts_at or REFERENCE_START).astimezone(_fixed_zone(plan))
    return compute_plan(starts_at=starts_at, items=items, modules=modules,
                        group_kind=plan.group.kind if plan.group else None, target_minutes=plan.target_minutes,
                        other_plans=[o for o in others if o[0] != plan.id], timezone=plan_zone(plan))


def present(plan: SessionPlan, others=()) -> dict:
    """The plan as the API shows it: stored fields plus computed times, totals and warnings."""
    result = schedule(plan, others)
    warnings = [{"code": w.code, "message": w.message, "position": w.position} for w in result.warnings]
    if plan.group is not None:
        message = planning_warning(plan.group.kind, plan.group.member_count)
        if message:
            warnings.append({"code": "too_few_members", "message": message, "position": None})
    items = []
    timed_at = plan.starts_at is not None
    for item, timed in zip(plan.items, result.items, strict=True):
        module = item.module
        items.append({
            "id": item.id, "position": item.position, "module_id": item.module_id,
            "title": module.title if module else (item.title or "Break"),
            "category": module.category if module else None, "is_break": module is None,
            "minutes": item.minutes, "notes": item.notes, "lead_id": item.lead_id,
            "starts_at": timed.starts_at if timed_at else None,
            "ends_at": timed.ends_at if timed_at else None,
        })
    return {
        "id": plan.id, "title": plan.title, "group_id": plan.group_id, "is_template": plan.group_id is None,
        "starts_at": result.starts_at if timed_at else None, "ends_at": result.ends_at if timed_at else None,
        "series_id": plan.series_id, "session_number": plan.session_number, "target_minutes": plan.target_minutes,
        "status": plan.status, "notes": plan.notes, "items": items, "total_minutes": result.total_minutes,
        "warnings": warnings, "etag": etag_of(plan), "created_at": plan.created_at, "updated_at": plan.updated_at,
    }


def _group(group_id: str | None) -> Group | None:
    if group_id is None:
        return None
    group = db.session.scalars(select(Group).where(Group.id == group_id)).first()
    if group is None:
        raise Invalid("Group not found.", errors={"group_id": ["Unknown group."]})
    return group


def _build_items(items: list[dict]) -> list[PlanItem]:
    """Plan items from the request; an unknown module (or one of another practice) is a 422."""
    ids = {i["module_id"] for i in items if i.get("module_id")}
    modules = {m.id: m for m in db.session.scalars(select(ExerciseModule).where(ExerciseModule.id.in_(ids)))} \
        if ids else {}
    errors = {}
    for index, item in enumerate(items):
        if item.get("module_id") and item["module_id"] not in modules:
            errors[str(index)] = {"module_id": ["Unknown module."]}
    if errors:
        raise Invalid("Some plan items refer to modules that do not exist.", errors={"items": errors})
    return [PlanItem(position=index, module_id=item.get("module_id"), module=modules.get(item.get("module_id") or ""),
                     minutes=item["minutes"], notes=item.get("notes"), lead_id=item.get("lead_id"),
                     title=None if item.get("module_id") else (item.get("title") or "Break"))
            for index, item in enumerate(items)]


def _refresh_times(plan: SessionPlan) -> None:
    """Keep the stored end (used by date filters and overlap checks) in step with the items."""
    try:
        result = schedule(plan)
    except PlanRuleError as err:
        field = f"items.{err.position}.{err.field}" if err.position is not None else err.field
        raise Invalid(str(err), errors={field: [str(err)]}) from err
    plan.ends_at = result.ends_at.astimezone(UTC) if plan.starts_at is not None else None
    if db.session.is_modified(plan):  # a PATCH that changes nothing keeps the version (and the ETag)
        plan.updated_at = datetime.now(UTC)


def _set_start(plan: SessionPlan, starts_at: datetime | None) -> None:
    plan.starts_at = starts_at
    plan.utc_offset_minutes = int((starts_at.utcoffset() or timedelta(0)).total_seconds() // 60) if starts_at else 0


def _needs_start(plan: SessionPlan) -> None:
    """A plan of a group happens at a time; only a template may go without one."""
    if plan.group is not None and plan.starts_at is None:
        raise Invalid("A plan of a group needs a start time.",
              errors={"starts_at": ["Required for a plan of a group (only a template may have none)."]})


def create_plan(*, data: dict) -> SessionPlan:
    items = data.pop("items", [])
    plan = SessionPlan(title=data["title"], group=_group(data.get("group_id")),
                       target_minutes=data.get("target_minutes"), status=data.get("status", "draft"),
                       notes=data.get("notes"), ends_at=data.get("starts_at"))
    _set_start(plan, data.get("starts_at"))
    _needs_start(plan)
    check_leads(items, plan.group)
    plan.items = _build_items(items)
    _refresh_times(plan)
    db.session.add(plan)
    db.session.flush()
    return plan


def update_plan(*, plan: SessionPlan, changes: dict) -> SessionPlan:
    if "group_id" in changes:
        plan.group = _group(changes.pop("group_id"))
        keep_valid_leads(plan.items, plan.group)
    if "starts_at" in changes:
        _set_start(plan, changes.pop("starts_at"))
    for key, value in changes.items():
        setattr(plan, key, value)
    _needs_start(plan)
    _refresh_times(plan)
    db.session.flush()
    return plan


def replace_items(*, plan: SessionPlan, items: list[dict]) -> SessionPlan:
    """Replace the ordered list in one transaction. An item still there keeps its id and row (matched by the
    `id` sent, else by module in order: see identity.py), so calendar UIDs survive an edit; a change to any
    item moves the plan's version (and ETag), a PUT of the same list keeps it."""
    check_leads(items, plan.group)
    new_items = _build_items(items)
    try:
        reuse = match_items([Stored(i.id, i.module_id) for i in plan.items],
                            [Sent(i.get("id"), i.get("module_id")) for i in items])
    except ItemIdentityError as err:
        raise Invalid(str(err), errors={"items": {str(err.index): {"id": [str(err)]}}}) from err
    before = [_item_state(i) for i in plan.items]
    _apply_items(plan, new_items, reuse)
    if [_item_state(i) for i in plan.items] != before:
        plan.updated_at = datetime.now(UTC)
    _refresh_times(plan)
    db.session.flush()
    return plan


def _item_state(item: PlanItem) -> tuple:
    return item.id, item.position, item.module_id, item.minutes, item.notes, item.title, item.lead_id


def _apply_items(plan: SessionPlan, new_items: list[PlanItem], reuse: list[str | None]) -> None:
    """Update the kept rows in place, delete the dropped ones, insert the new ones. Kept rows that move are
    parked at negative positions first, so the (plan, position) unique constraint holds at every statement."""
    rows = {i.id: i for i in plan.items}
    moved = [(index, rows[old]) for index, old in enumerate(reuse) if old and rows[old].position != index]
    for index, row in moved:
        row.position = -1 - index
    plan.items[:] = [rows[old] for old in reuse if old]
    db.session.flush()
    for new, old in zip(new_items, reuse, strict=True):
        if old is not None:
            row = rows[old]
            row.position, row.module_id, row.module = new.position, new.module_id, new.module
            row.minutes, row.notes, row.title, row.lead_id = new.minutes, new.notes, new.title, new.lead_id
    plan.items[:] = [rows[old] if old else new for new, old in zip(new_items, reuse, strict=True)]


def clone_plan(*, plan: SessionPlan, options: dict) -> SessionPlan:
    """A copy (e.g. a template into a group); a series uses it for each session."""
    group = _group(options["group_id"]) if "group_id" in options else plan.group
    copy = SessionPlan(title=options.get("title") or copy_title(plan.title), group=group,
                       target_minutes=plan.target_minutes, status="draft", notes=plan.notes, ends_at=plan.ends_at)
    _set_start(copy, options.get("starts_at") or (plan.starts_at.astimezone(_fixed_zone(plan))
                                                   if plan.starts_at else None))
    _needs_start(copy)
    copy.items = [PlanItem(position=i.position, module_id=i.module_id, module=i.module, minutes=i.minutes,
                           notes=i.notes, title=i.title, lead_id=i.lead_id) for i in plan.items]
    keep_valid_leads(copy.items, group)
    _refresh_times(copy)
    db.session.add(copy)
    db.session.flush()
    return copy


def delete_plan(*, plan: SessionPlan) -> None:
    """A held session with attendance or a note is part of the record (those packages answer; the foreign
    keys are the backstop)."""
    found = answers(plan_uses, plan_ids=[plan.id])
    kept = [what for name, what in (("attendance", "attendance"), ("note", "a session note")) if found.get(name)]
    message = f"The session has {' and '.join(kept) or 'records'}: it is part of the record and is not deleted."
    if kept:
        raise Conflict(message)
    plan_id, practice_id, group_id, title = plan.id, plan.practice_id, plan.group_id, plan.title
    starts_at, ends_at = plan.starts_at, plan.ends_at
    db.session.delete(plan)
    flush_delete(message)
    signals.session_plan_deleted.send(None, plan_id=plan_id, practice_id=practice_id, group_id=group_id,
                                      title=title, starts_at=starts_at, ends_at=ends_at)  # calendars cancel it


# Reading a plan needs only these module columns (not steps, scripts, materials...), and not the
# group's facilitators.
SUMMARY_OPTIONS = (
    selectinload(SessionPlan.items).joinedload(PlanItem.module).load_only(
        ExerciseModule.id, ExerciseModule.title, ExerciseModule.category, ExerciseModule.min_minutes,
        ExerciseModule.max_minutes, ExerciseModule.suitable_kinds, ExerciseModule.setting),
    joinedload(SessionPlan.group).lazyload(Group.facilitators),
)

# One plan: its items joined in the same query (one round trip; a page of plans uses SUMMARY_OPTIONS).
DETAIL_OPTIONS = (
    joinedload(SessionPlan.items).joinedload(PlanItem.module).load_only(
        ExerciseModule.id, ExerciseModule.title, ExerciseModule.category, ExerciseModule.min_minutes,
        ExerciseModule.max_minutes, ExerciseModule.suitable_kinds, ExerciseModule.setting),
    joinedload(SessionPlan.group).lazyload(Group.facilitators),
)


def plan_query(filters: dict):
    stmt = select(SessionPlan).options(*SUMMARY_OPTIONS)
    if filters.get("group_id"):
        # An unknown group (or another practice's) is a 422 naming group_id, not an empty list: its id is enough.
        if db.session.scalar(select(Group.id).where(Group.id == filters["group_id"])) is None:
            raise Invalid("Group not found.", errors={"group_id": ["Unknown group."]})
        stmt = stmt.where(SessionPlan.group_id == filters["group_id"])
    if "template" in filters:
        stmt = stmt.where(SessionPlan.group_id.is_(None) if filters["template"] else SessionPlan.group_id.is_not(None))
    if filters.get("starts_from"):
        stmt = stmt.where(SessionPlan.starts_at >= filters["starts_from"])
    if filters.get("starts_before"):
        stmt = stmt.where(SessionPlan.starts_at < filters["starts_before"])
    if filters.get("status"):
        stmt = stmt.where(SessionPlan.status == filters["status"])
    return sorted_by(stmt, SessionPlan, filters.get("sort", "starts_at"))
