from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attempt_outcome import AttemptOutcome
from typing import cast
import datetime






T = TypeVar("T", bound="Attempt")



@_attrs_define
class Attempt:
    """ One try at a delivery.

        Attributes:
            at (datetime.datetime):
            outcome (AttemptOutcome): ok (2xx); http_error (any other answer, a redirect included: never followed);
                network_error; refused (the host resolved to a refused address, or the hook is off).
            status_code (int | None):
            error (None | str):
     """

    at: datetime.datetime
    outcome: AttemptOutcome
    status_code: int | None
    error: None | str





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        outcome = self.outcome.value

        status_code: int | None
        status_code = self.status_code

        error: None | str
        error = self.error


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "at": at,
            "outcome": outcome,
            "status_code": status_code,
            "error": error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        outcome = AttemptOutcome(d.pop("outcome"))




        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))


        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        attempt = cls(
            at=at,
            outcome=outcome,
            status_code=status_code,
            error=error,
        )

        return attempt

