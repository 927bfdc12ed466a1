from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_direction import ChangeDirection
from typing import cast

if TYPE_CHECKING:
  from ..models.deterioration import Deterioration
  from ..models.instrument_progress import InstrumentProgress
  from ..models.paired import Paired
  from ..models.programme import Programme
  from ..models.review import Review





T = TypeVar("T", bound="Progress")



@_attrs_define
class Progress:
    """ A participant's progress per scored instrument. Decision support, not a diagnosis.

        Attributes:
            participant_id (str):
            display_name (str):
            programme (None | Programme):
            baseline_rule (str):
            thresholds_version (str):
            instruments (list[InstrumentProgress]):
            overall (ChangeDirection | None):
            reliable_deterioration (Deterioration): A reliable deterioration since baseline on one instrument.
            below_caseness (list[str]): Titles of the instruments that went from caseness at baseline to below it.
            paired (None | Paired):
            reviews (list[Review]):
     """

    participant_id: str
    display_name: str
    programme: None | Programme
    baseline_rule: str
    thresholds_version: str
    instruments: list[InstrumentProgress]
    overall: ChangeDirection | None
    reliable_deterioration: Deterioration
    below_caseness: list[str]
    paired: None | Paired
    reviews: list[Review]





    def to_dict(self) -> dict[str, Any]:
        from ..models.deterioration import Deterioration # noqa: PLC0415
        from ..models.instrument_progress import InstrumentProgress # noqa: PLC0415
        from ..models.paired import Paired # noqa: PLC0415
        from ..models.programme import Programme # noqa: PLC0415
        from ..models.review import Review # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        programme: dict[str, Any] | None
        if isinstance(self.programme, Programme):
            programme = self.programme.to_dict()
        else:
            programme = self.programme

        baseline_rule = self.baseline_rule

        thresholds_version = self.thresholds_version

        instruments = []
        for instruments_item_data in self.instruments:
            instruments_item = instruments_item_data.to_dict()
            instruments.append(instruments_item)



        overall: None | str
        if isinstance(self.overall, ChangeDirection):
            overall = self.overall.value
        else:
            overall = self.overall

        reliable_deterioration = self.reliable_deterioration.to_dict()

        below_caseness = self.below_caseness



        paired: dict[str, Any] | None
        if isinstance(self.paired, Paired):
            paired = self.paired.to_dict()
        else:
            paired = self.paired

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "programme": programme,
            "baseline_rule": baseline_rule,
            "thresholds_version": thresholds_version,
            "instruments": instruments,
            "overall": overall,
            "reliable_deterioration": reliable_deterioration,
            "below_caseness": below_caseness,
            "paired": paired,
            "reviews": reviews,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deterioration import Deterioration # noqa: PLC0415
        from ..models.instrument_progress import InstrumentProgress # noqa: PLC0415
        from ..models.paired import Paired # noqa: PLC0415
        from ..models.programme import Programme # noqa: PLC0415
        from ..models.review import Review # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        def _parse_programme(data: object) -> None | Programme:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                programme_type_0 = Programme.from_dict(data)



                return programme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Programme, data)

        programme = _parse_programme(d.pop("programme"))


        baseline_rule = d.pop("baseline_rule")

        thresholds_version = d.pop("thresholds_version")

        instruments = []
        _instruments = d.pop("instruments")
        for instruments_item_data in (_instruments):
            instruments_item = InstrumentProgress.from_dict(instruments_item_data)



            instruments.append(instruments_item)


        def _parse_overall(data: object) -> ChangeDirection | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overall_type_0 = ChangeDirection(data)



                return overall_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeDirection | None, data)

        overall = _parse_overall(d.pop("overall"))


        reliable_deterioration = Deterioration.from_dict(d.pop("reliable_deterioration"))




        below_caseness = cast(list[str], d.pop("below_caseness"))


        def _parse_paired(data: object) -> None | Paired:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paired_type_0 = Paired.from_dict(data)



                return paired_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Paired, data)

        paired = _parse_paired(d.pop("paired"))


        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in (_reviews):
            reviews_item = Review.from_dict(reviews_item_data)



            reviews.append(reviews_item)


        progress = cls(
            participant_id=participant_id,
            display_name=display_name,
            programme=programme,
            baseline_rule=baseline_rule,
            thresholds_version=thresholds_version,
            instruments=instruments,
            overall=overall,
            reliable_deterioration=reliable_deterioration,
            below_caseness=below_caseness,
            paired=paired,
            reviews=reviews,
        )

        return progress

