from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.instrument import Instrument





T = TypeVar("T", bound="Form")



@_attrs_define
class Form:
    """ The current intake form: versioned instruments.

        Attributes:
            version (str):  Example: 2026-11.1.
            validity_days (int): How many days a screening stays valid in this deployment (SCREENING_VALIDITY_DAYS, else the
                form's own). A screening counts for a plan only if still valid when the plan ends.
            form_validity_days (int): The form's own validity.
            adult_age (int): The form is for adults: a participant younger than this on the screening date gets a clinician
                assessment instead (422 otherwise).
            instruments (list[Instrument]):
     """

    version: str
    validity_days: int
    form_validity_days: int
    adult_age: int
    instruments: list[Instrument]





    def to_dict(self) -> dict[str, Any]:
        from ..models.instrument import Instrument # noqa: PLC0415
        version = self.version

        validity_days = self.validity_days

        form_validity_days = self.form_validity_days

        adult_age = self.adult_age

        instruments = []
        for instruments_item_data in self.instruments:
            instruments_item = instruments_item_data.to_dict()
            instruments.append(instruments_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "validity_days": validity_days,
            "form_validity_days": form_validity_days,
            "adult_age": adult_age,
            "instruments": instruments,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument import Instrument # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        validity_days = d.pop("validity_days")

        form_validity_days = d.pop("form_validity_days")

        adult_age = d.pop("adult_age")

        instruments = []
        _instruments = d.pop("instruments")
        for instruments_item_data in (_instruments):
            instruments_item = Instrument.from_dict(instruments_item_data)



            instruments.append(instruments_item)


        form = cls(
            version=version,
            validity_days=validity_days,
            form_validity_days=form_validity_days,
            adult_age=adult_age,
            instruments=instruments,
        )

        return form

