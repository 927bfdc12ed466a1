from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PlanUpdate")



@_attrs_define
class PlanUpdate:
    """ Changes to a plan's details (its items are replaced with PUT /plans/{id}/items).

        Attributes:
            title (str | Unset): The plan's title.
            group_id (None | str | Unset): Move to this group; null makes it a template.
            starts_at (datetime.datetime | None | Unset): New start, with an offset (null only for a template). An ISO 8601
                date-time with an offset, between 2000-01-01 and 2199-12-31.
            target_minutes (int | None | Unset): Intended length.
            status (PlanStatus | Unset): Whether a plan is still being drafted.
            notes (None | str | Unset): Notes for the facilitators.
            id (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            is_template (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            ends_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can
                be sent back.
            series_id (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            session_number (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's
                object can be sent back.
            items (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            total_minutes (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's
                object can be sent back.
            warnings (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can
                be sent back.
            etag (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            created_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            updated_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
     """

    title: str | Unset = UNSET
    group_id: None | str | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    target_minutes: int | None | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    notes: None | str | Unset = UNSET
    id: Any | Unset = UNSET
    is_template: Any | Unset = UNSET
    ends_at: Any | Unset = UNSET
    series_id: Any | Unset = UNSET
    session_number: Any | Unset = UNSET
    items: Any | Unset = UNSET
    total_minutes: Any | Unset = UNSET
    warnings: Any | Unset = UNSET
    etag: Any | Unset = UNSET
    created_at: Any | Unset = UNSET
    updated_at: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        target_minutes: int | None | Unset
        if isinstance(self.target_minutes, Unset):
            target_minutes = UNSET
        else:
            target_minutes = self.target_minutes

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        id = self.id

        is_template = self.is_template

        ends_at = self.ends_at

        series_id = self.series_id

        session_number = self.session_number

        items = self.items

        total_minutes = self.total_minutes

        warnings = self.warnings

        etag = self.etag

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes
        if status is not UNSET:
            field_dict["status"] = status
        if notes is not UNSET:
            field_dict["notes"] = notes
        if id is not UNSET:
            field_dict["id"] = id
        if is_template is not UNSET:
            field_dict["is_template"] = is_template
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if series_id is not UNSET:
            field_dict["series_id"] = series_id
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if items is not UNSET:
            field_dict["items"] = items
        if total_minutes is not UNSET:
            field_dict["total_minutes"] = total_minutes
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if etag is not UNSET:
            field_dict["etag"] = etag
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))


        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))


        def _parse_target_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes", UNSET))


        _status = d.pop("status", UNSET)
        status: PlanStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PlanStatus(_status)




        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        id = d.pop("id", UNSET)

        is_template = d.pop("is_template", UNSET)

        ends_at = d.pop("ends_at", UNSET)

        series_id = d.pop("series_id", UNSET)

        session_number = d.pop("session_number", UNSET)

        items = d.pop("items", UNSET)

        total_minutes = d.pop("total_minutes", UNSET)

        warnings = d.pop("warnings", UNSET)

        etag = d.pop("etag", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        plan_update = cls(
            title=title,
            group_id=group_id,
            starts_at=starts_at,
            target_minutes=target_minutes,
            status=status,
            notes=notes,
            id=id,
            is_template=is_template,
            ends_at=ends_at,
            series_id=series_id,
            session_number=session_number,
            items=items,
            total_minutes=total_minutes,
            warnings=warnings,
            etag=etag,
            created_at=created_at,
            updated_at=updated_at,
        )

        return plan_update

