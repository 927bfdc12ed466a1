from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_status import PlanStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.plan_item import PlanItem
  from ..models.warning import Warning_





T = TypeVar("T", bound="Plan")



@_attrs_define
class Plan:
    """ A plan as the API shows it, with computed times, total and warnings: every field is always present.

        Attributes:
            id (str): Opaque id.
            title (str): The plan's title.
            group_id (None | str): The group; null for a template.
            is_template (bool): True when the plan has no group.
            starts_at (datetime.datetime | None): Start; null in a template without a start time.
            ends_at (datetime.datetime | None): Computed end.
            series_id (None | str): The series (programme) this session belongs to, if any.
            session_number (int | None): 1 for the first held session of its series; null outside a series.
            target_minutes (int | None): Intended length.
            status (PlanStatus): Whether a plan is still being drafted.
            notes (None | str): Notes for the facilitators.
            items (list[PlanItem]): The ordered items, timed.
            total_minutes (int): Sum of the items' minutes.
            warnings (list[Warning_]): Things to look at.
            etag (str): The plan's ETag, as the ETag header gives it: send it as If-Match to change the plan. Example:
                "3f2a9c0d1e4b5a6f7a8b".
            created_at (datetime.datetime): When the record was created.
            updated_at (datetime.datetime): When the record last changed.
     """

    id: str
    title: str
    group_id: None | str
    is_template: bool
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    series_id: None | str
    session_number: int | None
    target_minutes: int | None
    status: PlanStatus
    notes: None | str
    items: list[PlanItem]
    total_minutes: int
    warnings: list[Warning_]
    etag: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_item import PlanItem # noqa: PLC0415
        from ..models.warning import Warning_ # noqa: PLC0415
        id = self.id

        title = self.title

        group_id: None | str
        group_id = self.group_id

        is_template = self.is_template

        starts_at: None | str
        if isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        series_id: None | str
        series_id = self.series_id

        session_number: int | None
        session_number = self.session_number

        target_minutes: int | None
        target_minutes = self.target_minutes

        status = self.status.value

        notes: None | str
        notes = self.notes

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        total_minutes = self.total_minutes

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)



        etag = self.etag

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "group_id": group_id,
            "is_template": is_template,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "series_id": series_id,
            "session_number": session_number,
            "target_minutes": target_minutes,
            "status": status,
            "notes": notes,
            "items": items,
            "total_minutes": total_minutes,
            "warnings": warnings,
            "etag": etag,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_item import PlanItem # noqa: PLC0415
        from ..models.warning import Warning_ # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        def _parse_group_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_id = _parse_group_id(d.pop("group_id"))


        is_template = d.pop("is_template")

        def _parse_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        starts_at = _parse_starts_at(d.pop("starts_at"))


        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))


        def _parse_series_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series_id = _parse_series_id(d.pop("series_id"))


        def _parse_session_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        session_number = _parse_session_number(d.pop("session_number"))


        def _parse_target_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes"))


        status = PlanStatus(d.pop("status"))




        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PlanItem.from_dict(items_item_data)



            items.append(items_item)


        total_minutes = d.pop("total_minutes")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = Warning_.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        etag = d.pop("etag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        plan = cls(
            id=id,
            title=title,
            group_id=group_id,
            is_template=is_template,
            starts_at=starts_at,
            ends_at=ends_at,
            series_id=series_id,
            session_number=session_number,
            target_minutes=target_minutes,
            status=status,
            notes=notes,
            items=items,
            total_minutes=total_minutes,
            warnings=warnings,
            etag=etag,
            created_at=created_at,
            updated_at=updated_at,
        )

        return plan

