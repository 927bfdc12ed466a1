from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agenda_item import AgendaItem
  from ..models.agenda_status import AgendaStatus





T = TypeVar("T", bound="AgendaPlan")



@_attrs_define
class AgendaPlan:
    """ One session of the agenda.

        Attributes:
            plan_id (str): The plan.
            title (str): Title.
            starts_at (datetime.datetime): Start.
            ends_at (datetime.datetime): End.
            minutes (int): Length.
            items (list[AgendaItem]): In order.
            draft (bool): The plan is still a draft (printed DRAFT).
            notes (None | str | Unset): Facilitators: the plan's notes.
            safety_note (None | str | Unset): Facilitators: the session's safety line (who is blocked, unscreened or
                adapted).
            session_label (None | str | Unset): A session of a series: "Session 4 of 8" (null otherwise).
            status (AgendaStatus | None | Unset): Facilitators: the session's status box (null when there is no group).
     """

    plan_id: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    minutes: int
    items: list[AgendaItem]
    draft: bool
    notes: None | str | Unset = UNSET
    safety_note: None | str | Unset = UNSET
    session_label: None | str | Unset = UNSET
    status: AgendaStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_item import AgendaItem # noqa: PLC0415
        from ..models.agenda_status import AgendaStatus # noqa: PLC0415
        plan_id = self.plan_id

        title = self.title

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        minutes = self.minutes

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        draft = self.draft

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        safety_note: None | str | Unset
        if isinstance(self.safety_note, Unset):
            safety_note = UNSET
        else:
            safety_note = self.safety_note

        session_label: None | str | Unset
        if isinstance(self.session_label, Unset):
            session_label = UNSET
        else:
            session_label = self.session_label

        status: dict[str, Any] | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AgendaStatus):
            status = self.status.to_dict()
        else:
            status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "title": title,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "minutes": minutes,
            "items": items,
            "draft": draft,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes
        if safety_note is not UNSET:
            field_dict["safety_note"] = safety_note
        if session_label is not UNSET:
            field_dict["session_label"] = session_label
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_item import AgendaItem # noqa: PLC0415
        from ..models.agenda_status import AgendaStatus # noqa: PLC0415
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        title = d.pop("title")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        minutes = d.pop("minutes")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = AgendaItem.from_dict(items_item_data)



            items.append(items_item)


        draft = d.pop("draft")

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_safety_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_note = _parse_safety_note(d.pop("safety_note", UNSET))


        def _parse_session_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_label = _parse_session_label(d.pop("session_label", UNSET))


        def _parse_status(data: object) -> AgendaStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_type_0 = AgendaStatus.from_dict(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgendaStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        agenda_plan = cls(
            plan_id=plan_id,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            minutes=minutes,
            items=items,
            draft=draft,
            notes=notes,
            safety_note=safety_note,
            session_label=session_label,
            status=status,
        )


        agenda_plan.additional_properties = d
        return agenda_plan

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
