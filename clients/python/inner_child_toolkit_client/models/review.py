from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="Review")



@_attrs_define
class Review:
    """ A clinician's progress review after a reliable deterioration.

        Attributes:
            id (str):
            participant_id (str):
            reason (str):
            screening_id (None | str): The newest screening when the review was recorded; a newer one ends the review's
                effect.
            by (Person): A therapist, by id and name.
            at (datetime.datetime):
     """

    id: str
    participant_id: str
    reason: str
    screening_id: None | str
    by: Person
    at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        id = self.id

        participant_id = self.participant_id

        reason = self.reason

        screening_id: None | str
        screening_id = self.screening_id

        by = self.by.to_dict()

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "participant_id": participant_id,
            "reason": reason,
            "screening_id": screening_id,
            "by": by,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        reason = d.pop("reason")

        def _parse_screening_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))


        by = Person.from_dict(d.pop("by"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        review = cls(
            id=id,
            participant_id=participant_id,
            reason=reason,
            screening_id=screening_id,
            by=by,
            at=at,
        )

        return review

