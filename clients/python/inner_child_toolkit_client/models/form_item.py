from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.form_item_enable_behavior import FormItemEnableBehavior
from typing import cast

if TYPE_CHECKING:
  from ..models.enable_when import EnableWhen
  from ..models.option import Option





T = TypeVar("T", bound="FormItem")



@_attrs_define
class FormItem:
    """ One question of the intake form.

        Attributes:
            id (str):
            text (str):
            options (list[Option]):
            enable_when (list[EnableWhen]): Asked only when earlier answers are among `values` (all conditions, or any with
                enable_behavior 'any'). Answers to items that are not enabled are refused (422).
            enable_behavior (FormItemEnableBehavior):
            critical (bool): Any answer above the lowest is a suicide-risk or present-crisis indicator.
     """

    id: str
    text: str
    options: list[Option]
    enable_when: list[EnableWhen]
    enable_behavior: FormItemEnableBehavior
    critical: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.enable_when import EnableWhen # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        id = self.id

        text = self.text

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)



        enable_when = []
        for enable_when_item_data in self.enable_when:
            enable_when_item = enable_when_item_data.to_dict()
            enable_when.append(enable_when_item)



        enable_behavior = self.enable_behavior.value

        critical = self.critical


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "text": text,
            "options": options,
            "enable_when": enable_when,
            "enable_behavior": enable_behavior,
            "critical": critical,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enable_when import EnableWhen # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = Option.from_dict(options_item_data)



            options.append(options_item)


        enable_when = []
        _enable_when = d.pop("enable_when")
        for enable_when_item_data in (_enable_when):
            enable_when_item = EnableWhen.from_dict(enable_when_item_data)



            enable_when.append(enable_when_item)


        enable_behavior = FormItemEnableBehavior(d.pop("enable_behavior"))




        critical = d.pop("critical")

        form_item = cls(
            id=id,
            text=text,
            options=options,
            enable_when=enable_when,
            enable_behavior=enable_behavior,
            critical=critical,
        )

        return form_item

