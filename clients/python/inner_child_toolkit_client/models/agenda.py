from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agenda_detail import AgendaDetail
from ..models.audience import Audience
from ..models.group_kind import GroupKind
from ..models.paper import Paper
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agenda_clearance_line import AgendaClearanceLine
  from ..models.agenda_day import AgendaDay
  from ..models.agenda_facilitator import AgendaFacilitator
  from ..models.agenda_material import AgendaMaterial
  from ..models.agenda_member_safety import AgendaMemberSafety
  from ..models.agenda_packing_day import AgendaPackingDay
  from ..models.agenda_roster_line import AgendaRosterLine
  from ..models.agenda_status import AgendaStatus
  from ..models.agenda_what_to_do import AgendaWhatToDo





T = TypeVar("T", bound="Agenda")



@_attrs_define
class Agenda:
    """ An agenda as JSON (`?format=json` or `Accept: application/json`, the default).

        Attributes:
            practice_name (str): The practice.
            group_name (None | str): The group.
            group_kind (GroupKind | None): The group's kind.
            group_description (str): The group's description.
            detail (AgendaDetail): full: run sheets, then scripts and steps; run_sheet: the run sheets alone.
            printed_on (datetime.date | None): The day it was printed.
            first_date (datetime.date | None): The first session's day.
            last_date (datetime.date | None): The last session's day.
            contact (None | str): How to reach the practice (its `contact` setting).
            timezone (str): The IANA zone the times are shown in.
            location (None | str): Where.
            audience (Audience): Who a printed copy is for: the participant copy holds no clinical data.
            paper (Paper): The paper size of a printed copy.
            generated_for_date (datetime.date | None): The first day.
            member_count (int | None): Group size.
            is_empty (bool): True when there is nothing planned.
            empty_message (None | str): Shown when empty.
            days (list[AgendaDay]): By day.
            materials (list[AgendaMaterial]): The materials checklist: for facilitators everything, with totals; for
                participants only what they bring or use.
            facilitators (list[AgendaFacilitator] | Unset): The group's facilitators (participants get their names only);
                empty without a group.
            packing (list[AgendaPackingDay] | Unset): Facilitators: a packing list per day (days without materials are left
                out).
            clearance (list[AgendaClearanceLine] | None | Unset): Facilitators: the clearance summary (null when there is no
                group).
            member_safety (list[AgendaMemberSafety] | None | Unset): Facilitators: each member's safety facts (null when
                there is no group).
            safety_warnings (list[str] | Unset): Facilitators: warnings naming members, e.g. no trauma-informed facilitator.
            status (AgendaStatus | None | Unset): Facilitators: the status box of the whole agenda (page one; null without a
                group).
            emergency_contact (None | str | Unset): Whom to call in an emergency where the group meets: the group's, else
                the practice's.
            large_print (bool | Unset): `?print=large`: printed at 16 pt and more.
            what_to_do (list[AgendaWhatToDo] | Unset): Facilitators: a box per member who must not take part (refer, defer,
                crisis hold).
            roster (list[AgendaRosterLine] | None | Unset): Facilitators only: emergency contacts, allergies and dietary
                notes, open alerts.
            coverage_warnings (list[str] | Unset): Facilitators: exclusions whose alternative needs a second adult in a
                group with one facilitator (also in the status box's warnings).
     """

    practice_name: str
    group_name: None | str
    group_kind: GroupKind | None
    group_description: str
    detail: AgendaDetail
    printed_on: datetime.date | None
    first_date: datetime.date | None
    last_date: datetime.date | None
    contact: None | str
    timezone: str
    location: None | str
    audience: Audience
    paper: Paper
    generated_for_date: datetime.date | None
    member_count: int | None
    is_empty: bool
    empty_message: None | str
    days: list[AgendaDay]
    materials: list[AgendaMaterial]
    facilitators: list[AgendaFacilitator] | Unset = UNSET
    packing: list[AgendaPackingDay] | Unset = UNSET
    clearance: list[AgendaClearanceLine] | None | Unset = UNSET
    member_safety: list[AgendaMemberSafety] | None | Unset = UNSET
    safety_warnings: list[str] | Unset = UNSET
    status: AgendaStatus | None | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    large_print: bool | Unset = UNSET
    what_to_do: list[AgendaWhatToDo] | Unset = UNSET
    roster: list[AgendaRosterLine] | None | Unset = UNSET
    coverage_warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_clearance_line import AgendaClearanceLine # noqa: PLC0415
        from ..models.agenda_day import AgendaDay # noqa: PLC0415
        from ..models.agenda_facilitator import AgendaFacilitator # noqa: PLC0415
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        from ..models.agenda_member_safety import AgendaMemberSafety # noqa: PLC0415
        from ..models.agenda_packing_day import AgendaPackingDay # noqa: PLC0415
        from ..models.agenda_roster_line import AgendaRosterLine # noqa: PLC0415
        from ..models.agenda_status import AgendaStatus # noqa: PLC0415
        from ..models.agenda_what_to_do import AgendaWhatToDo # noqa: PLC0415
        practice_name = self.practice_name

        group_name: None | str
        group_name = self.group_name

        group_kind: None | str
        if isinstance(self.group_kind, GroupKind):
            group_kind = self.group_kind.value
        else:
            group_kind = self.group_kind

        group_description = self.group_description

        detail = self.detail.value

        printed_on: None | str
        if isinstance(self.printed_on, datetime.date):
            printed_on = self.printed_on.isoformat()
        else:
            printed_on = self.printed_on

        first_date: None | str
        if isinstance(self.first_date, datetime.date):
            first_date = self.first_date.isoformat()
        else:
            first_date = self.first_date

        last_date: None | str
        if isinstance(self.last_date, datetime.date):
            last_date = self.last_date.isoformat()
        else:
            last_date = self.last_date

        contact: None | str
        contact = self.contact

        timezone = self.timezone

        location: None | str
        location = self.location

        audience = self.audience.value

        paper = self.paper.value

        generated_for_date: None | str
        if isinstance(self.generated_for_date, datetime.date):
            generated_for_date = self.generated_for_date.isoformat()
        else:
            generated_for_date = self.generated_for_date

        member_count: int | None
        member_count = self.member_count

        is_empty = self.is_empty

        empty_message: None | str
        empty_message = self.empty_message

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)



        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)



        facilitators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.facilitators, Unset):
            facilitators = []
            for facilitators_item_data in self.facilitators:
                facilitators_item = facilitators_item_data.to_dict()
                facilitators.append(facilitators_item)



        packing: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.packing, Unset):
            packing = []
            for packing_item_data in self.packing:
                packing_item = packing_item_data.to_dict()
                packing.append(packing_item)



        clearance: list[dict[str, Any]] | None | Unset
        if isinstance(self.clearance, Unset):
            clearance = UNSET
        elif isinstance(self.clearance, list):
            clearance = []
            for clearance_type_0_item_data in self.clearance:
                clearance_type_0_item = clearance_type_0_item_data.to_dict()
                clearance.append(clearance_type_0_item)


        else:
            clearance = self.clearance

        member_safety: list[dict[str, Any]] | None | Unset
        if isinstance(self.member_safety, Unset):
            member_safety = UNSET
        elif isinstance(self.member_safety, list):
            member_safety = []
            for member_safety_type_0_item_data in self.member_safety:
                member_safety_type_0_item = member_safety_type_0_item_data.to_dict()
                member_safety.append(member_safety_type_0_item)


        else:
            member_safety = self.member_safety

        safety_warnings: list[str] | Unset = UNSET
        if not isinstance(self.safety_warnings, Unset):
            safety_warnings = self.safety_warnings



        status: dict[str, Any] | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AgendaStatus):
            status = self.status.to_dict()
        else:
            status = self.status

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact

        large_print = self.large_print

        what_to_do: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.what_to_do, Unset):
            what_to_do = []
            for what_to_do_item_data in self.what_to_do:
                what_to_do_item = what_to_do_item_data.to_dict()
                what_to_do.append(what_to_do_item)



        roster: list[dict[str, Any]] | None | Unset
        if isinstance(self.roster, Unset):
            roster = UNSET
        elif isinstance(self.roster, list):
            roster = []
            for roster_type_0_item_data in self.roster:
                roster_type_0_item = roster_type_0_item_data.to_dict()
                roster.append(roster_type_0_item)


        else:
            roster = self.roster

        coverage_warnings: list[str] | Unset = UNSET
        if not isinstance(self.coverage_warnings, Unset):
            coverage_warnings = self.coverage_warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "practice_name": practice_name,
            "group_name": group_name,
            "group_kind": group_kind,
            "group_description": group_description,
            "detail": detail,
            "printed_on": printed_on,
            "first_date": first_date,
            "last_date": last_date,
            "contact": contact,
            "timezone": timezone,
            "location": location,
            "audience": audience,
            "paper": paper,
            "generated_for_date": generated_for_date,
            "member_count": member_count,
            "is_empty": is_empty,
            "empty_message": empty_message,
            "days": days,
            "materials": materials,
        })
        if facilitators is not UNSET:
            field_dict["facilitators"] = facilitators
        if packing is not UNSET:
            field_dict["packing"] = packing
        if clearance is not UNSET:
            field_dict["clearance"] = clearance
        if member_safety is not UNSET:
            field_dict["member_safety"] = member_safety
        if safety_warnings is not UNSET:
            field_dict["safety_warnings"] = safety_warnings
        if status is not UNSET:
            field_dict["status"] = status
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if large_print is not UNSET:
            field_dict["large_print"] = large_print
        if what_to_do is not UNSET:
            field_dict["what_to_do"] = what_to_do
        if roster is not UNSET:
            field_dict["roster"] = roster
        if coverage_warnings is not UNSET:
            field_dict["coverage_warnings"] = coverage_warnings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_clearance_line import AgendaClearanceLine # noqa: PLC0415
        from ..models.agenda_day import AgendaDay # noqa: PLC0415
        from ..models.agenda_facilitator import AgendaFacilitator # noqa: PLC0415
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        from ..models.agenda_member_safety import AgendaMemberSafety # noqa: PLC0415
        from ..models.agenda_packing_day import AgendaPackingDay # noqa: PLC0415
        from ..models.agenda_roster_line import AgendaRosterLine # noqa: PLC0415
        from ..models.agenda_status import AgendaStatus # noqa: PLC0415
        from ..models.agenda_what_to_do import AgendaWhatToDo # noqa: PLC0415
        d = dict(src_dict)
        practice_name = d.pop("practice_name")

        def _parse_group_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_name = _parse_group_name(d.pop("group_name"))


        def _parse_group_kind(data: object) -> GroupKind | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_kind_type_0 = GroupKind(data)



                return group_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupKind | None, data)

        group_kind = _parse_group_kind(d.pop("group_kind"))


        group_description = d.pop("group_description")

        detail = AgendaDetail(d.pop("detail"))




        def _parse_printed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                printed_on_type_0 = datetime.date.fromisoformat(data)



                return printed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        printed_on = _parse_printed_on(d.pop("printed_on"))


        def _parse_first_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_date_type_0 = datetime.date.fromisoformat(data)



                return first_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_date = _parse_first_date(d.pop("first_date"))


        def _parse_last_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_date_type_0 = datetime.date.fromisoformat(data)



                return last_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_date = _parse_last_date(d.pop("last_date"))


        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))


        timezone = d.pop("timezone")

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))


        audience = Audience(d.pop("audience"))




        paper = Paper(d.pop("paper"))




        def _parse_generated_for_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                generated_for_date_type_0 = datetime.date.fromisoformat(data)



                return generated_for_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        generated_for_date = _parse_generated_for_date(d.pop("generated_for_date"))


        def _parse_member_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_count = _parse_member_count(d.pop("member_count"))


        is_empty = d.pop("is_empty")

        def _parse_empty_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        empty_message = _parse_empty_message(d.pop("empty_message"))


        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = AgendaDay.from_dict(days_item_data)



            days.append(days_item)


        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = AgendaMaterial.from_dict(materials_item_data)



            materials.append(materials_item)


        _facilitators = d.pop("facilitators", UNSET)
        facilitators: list[AgendaFacilitator] | Unset = UNSET
        if _facilitators is not UNSET:
            facilitators = []
            for facilitators_item_data in _facilitators:
                facilitators_item = AgendaFacilitator.from_dict(facilitators_item_data)



                facilitators.append(facilitators_item)


        _packing = d.pop("packing", UNSET)
        packing: list[AgendaPackingDay] | Unset = UNSET
        if _packing is not UNSET:
            packing = []
            for packing_item_data in _packing:
                packing_item = AgendaPackingDay.from_dict(packing_item_data)



                packing.append(packing_item)


        def _parse_clearance(data: object) -> list[AgendaClearanceLine] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                clearance_type_0 = []
                _clearance_type_0 = data
                for clearance_type_0_item_data in (_clearance_type_0):
                    clearance_type_0_item = AgendaClearanceLine.from_dict(clearance_type_0_item_data)



                    clearance_type_0.append(clearance_type_0_item)

                return clearance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgendaClearanceLine] | None | Unset, data)

        clearance = _parse_clearance(d.pop("clearance", UNSET))


        def _parse_member_safety(data: object) -> list[AgendaMemberSafety] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                member_safety_type_0 = []
                _member_safety_type_0 = data
                for member_safety_type_0_item_data in (_member_safety_type_0):
                    member_safety_type_0_item = AgendaMemberSafety.from_dict(member_safety_type_0_item_data)



                    member_safety_type_0.append(member_safety_type_0_item)

                return member_safety_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgendaMemberSafety] | None | Unset, data)

        member_safety = _parse_member_safety(d.pop("member_safety", UNSET))


        safety_warnings = cast(list[str], d.pop("safety_warnings", UNSET))


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


        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))


        large_print = d.pop("large_print", UNSET)

        _what_to_do = d.pop("what_to_do", UNSET)
        what_to_do: list[AgendaWhatToDo] | Unset = UNSET
        if _what_to_do is not UNSET:
            what_to_do = []
            for what_to_do_item_data in _what_to_do:
                what_to_do_item = AgendaWhatToDo.from_dict(what_to_do_item_data)



                what_to_do.append(what_to_do_item)


        def _parse_roster(data: object) -> list[AgendaRosterLine] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roster_type_0 = []
                _roster_type_0 = data
                for roster_type_0_item_data in (_roster_type_0):
                    roster_type_0_item = AgendaRosterLine.from_dict(roster_type_0_item_data)



                    roster_type_0.append(roster_type_0_item)

                return roster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgendaRosterLine] | None | Unset, data)

        roster = _parse_roster(d.pop("roster", UNSET))


        coverage_warnings = cast(list[str], d.pop("coverage_warnings", UNSET))


        agenda = cls(
            practice_name=practice_name,
            group_name=group_name,
            group_kind=group_kind,
            group_description=group_description,
            detail=detail,
            printed_on=printed_on,
            first_date=first_date,
            last_date=last_date,
            contact=contact,
            timezone=timezone,
            location=location,
            audience=audience,
            paper=paper,
            generated_for_date=generated_for_date,
            member_count=member_count,
            is_empty=is_empty,
            empty_message=empty_message,
            days=days,
            materials=materials,
            facilitators=facilitators,
            packing=packing,
            clearance=clearance,
            member_safety=member_safety,
            safety_warnings=safety_warnings,
            status=status,
            emergency_contact=emergency_contact,
            large_print=large_print,
            what_to_do=what_to_do,
            roster=roster,
            coverage_warnings=coverage_warnings,
        )


        agenda.additional_properties = d
        return agenda

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
