from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_direction import ChangeDirection
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
            reliable_change (ChangeDirection | None): null when the instrument has no published reliable change threshold,
                or no change yet.
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
    reliable_change: ChangeDirection | None
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
        if isinstance(self.reliable_change, ChangeDirection):
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
                baseline_type_0 = Point.from_dict(data)



                return baseline_type_0
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


        def _parse_reliable_change(data: object) -> ChangeDirection | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reliable_change_type_0 = ChangeDirection(data)



                return reliable_change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeDirection | None, data)

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
                thresholds_type_0 = Threshold.from_dict(data)



                return thresholds_type_0
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

