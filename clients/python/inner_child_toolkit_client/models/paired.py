from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Paired")



@_attrs_define
class Paired:
    """ NHS Talking Therapies' paired outcomes over PHQ-9 and GAD-7, baseline to latest (null unless both have
    a baseline and a later score). Definitions and sources: seed/screening/v1/change.yaml.

        Attributes:
            caseness_at_baseline (bool): At baseline, PHQ-9 ≥ 10 or GAD-7 ≥ 8 (a clinical case on either).
            recovery (bool): A case at baseline, and now below caseness on both.
            reliable_improvement (bool): At least one reliably improved (PHQ-9 by 6, GAD-7 by 4) and neither reliably
                deteriorated.
            reliable_recovery (bool): Both recovery and reliable improvement.
            reliable_deterioration (bool): At least one reliably deteriorated and neither reliably improved.
     """

    caseness_at_baseline: bool
    recovery: bool
    reliable_improvement: bool
    reliable_recovery: bool
    reliable_deterioration: bool





    def to_dict(self) -> dict[str, Any]:
        caseness_at_baseline = self.caseness_at_baseline

        recovery = self.recovery

        reliable_improvement = self.reliable_improvement

        reliable_recovery = self.reliable_recovery

        reliable_deterioration = self.reliable_deterioration


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "caseness_at_baseline": caseness_at_baseline,
            "recovery": recovery,
            "reliable_improvement": reliable_improvement,
            "reliable_recovery": reliable_recovery,
            "reliable_deterioration": reliable_deterioration,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caseness_at_baseline = d.pop("caseness_at_baseline")

        recovery = d.pop("recovery")

        reliable_improvement = d.pop("reliable_improvement")

        reliable_recovery = d.pop("reliable_recovery")

        reliable_deterioration = d.pop("reliable_deterioration")

        paired = cls(
            caseness_at_baseline=caseness_at_baseline,
            recovery=recovery,
            reliable_improvement=reliable_improvement,
            reliable_recovery=reliable_recovery,
            reliable_deterioration=reliable_deterioration,
        )

        return paired

