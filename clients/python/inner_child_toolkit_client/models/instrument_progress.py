from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.instrument_progress_reliable_change_type_1 import InstrumentProgressReliableChangeType1
from ..models.instrument_progress_reliable_change_type_2_type_1 import InstrumentProgressReliableChangeType2Type1
from ..models.instrument_progress_reliable_change_type_3_type_1 import InstrumentProgressReliableChangeType3Type1
from typing import cast

if TYPE_CHECKING:
  from ..models.point import Point
  from ..models.threshold import Threshold





T = TypeVar("T", bound="InstrumentProgress")



@_attrs_define
class InstrumentProgress:
    """ One instrument over time: the series, baseline, latest, change, reliable change and recovery.

        Attributes:
            instrument (str):  Example: phq9.
            title (str):
            series (list[Point]): Oldest first.
            baseline (None | Point):
            latest (Point): One score of an instrument: when, the score and its band.
            change (int | None): latest - baseline (higher = more symptoms); null with one screening only.
            reliable_change (InstrumentProgressReliableChangeType1 | InstrumentProgressReliableChangeType2Type1 |
                InstrumentProgressReliableChangeType3Type1 | None): null when the instrument has no published reliable change
                threshold, or no change yet.
            below_caseness (bool | None): From at or above this instrument's caseness line at baseline to below it now (one
                instrument only: not recovery, which `paired` gives). Shown only: never loosens a verdict.
            thresholds (None | Threshold):
     """

    instrument: str
    title: str
    series: list[Point]
    baseline: None | Point
    latest: Point
    change: int | None
    reliable_change: InstrumentProgressReliableChangeType1 | InstrumentProgressReliableChangeType2Type1 | InstrumentProgressReliableChangeType3Type1 | None
    below_caseness: bool | None
    thresholds: None | Threshold





    def to_dict(self) -> dict[str, Any]:
        from ..models.point import Point # noqa: PLC0415
        from ..models.threshold import Threshold # noqa: PLC0415
        instrument = self.instrument

        title = self.title

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)



        baseline: dict[str, Any] | None
        if isinstance(self.baseline, Point):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        latest = self.latest.to_dict()

        change: int | None
        change = self.change

        reliable_change: None | str
        if isinstance(self.reliable_change, InstrumentProgressReliableChangeType1):
            reliable_change = self.reliable_change.value
        elif isinstance(self.reliable_change, InstrumentProgressReliableChangeType2Type1):
            reliable_change = self.reliable_change.value
        elif isinstance(self.reliable_change, InstrumentProgressReliableChangeType3Type1):
            reliable_change = self.reliable_change.value
        else:
            reliable_change = self.reliable_change

        below_caseness: bool | None
        below_caseness = self.below_caseness

        thresholds: dict[str, Any] | None
        if isinstance(self.thresholds, Threshold):
            thresholds = self.thresholds.to_dict()
        else:
            thresholds = self.thresholds


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "instrument": instrument,
            "title": title,
            "series": series,
            "baseline": baseline,
            "latest": latest,
            "change": change,
            "reliable_change": reliable_change,
            "below_caseness": below_caseness,
            "thresholds": thresholds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point import Point # noqa: PLC0415
        from ..models.threshold import Threshold # noqa: PLC0415
        d = dict(src_dict)
        instrument = d.pop("instrument")

        title = d.pop("title")

        series = []
        _series = d.pop("series")
        for series_item_data in (_series):
            series_item = Point.from_dict(series_item_data)



            series.append(series_item)


        def _parse_baseline(data: object) -> None | Point:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_1 = Point.from_dict(data)



                return baseline_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Point, data)

        baseline = _parse_baseline(d.pop("baseline"))


        latest = Point.from_dict(d.pop("latest"))




        def _parse_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        change = _parse_change(d.pop("change"))


        def _parse_reliable_change(data: object) -> InstrumentProgressReliableChangeType1 | InstrumentProgressReliableChangeType2Type1 | InstrumentProgressReliableChangeType3Type1 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reliable_change_type_1 = InstrumentProgressReliableChangeType1(data)



                return reliable_change_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reliable_change_type_2_type_1 = InstrumentProgressReliableChangeType2Type1(data)



                return reliable_change_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reliable_change_type_3_type_1 = InstrumentProgressReliableChangeType3Type1(data)



                return reliable_change_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstrumentProgressReliableChangeType1 | InstrumentProgressReliableChangeType2Type1 | InstrumentProgressReliableChangeType3Type1 | None, data)

        reliable_change = _parse_reliable_change(d.pop("reliable_change"))


        def _parse_below_caseness(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        below_caseness = _parse_below_caseness(d.pop("below_caseness"))


        def _parse_thresholds(data: object) -> None | Threshold:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thresholds_type_1 = Threshold.from_dict(data)



                return thresholds_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Threshold, data)

        thresholds = _parse_thresholds(d.pop("thresholds"))


        instrument_progress = cls(
            instrument=instrument,
            title=title,
            series=series,
            baseline=baseline,
            latest=latest,
            change=change,
            reliable_change=reliable_change,
            below_caseness=below_caseness,
            thresholds=thresholds,
        )

        return instrument_progress

