from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.answers_answers import AnswersAnswers





T = TypeVar("T", bound="Answers")



@_attrs_define
class Answers:
    """ The whole draft so far: it replaces the saved one.

        Attributes:
            answers (AnswersAnswers | Unset): Item id → the chosen option's value (items of the current form). Example:
                {'phq9_1': 0, 'phq9_2': 1}.
            declined (list[str] | Unset): Items the person chose not to answer ("prefer not to answer"). A declined critical
                item counts as positive. Example: [].
     """

    answers: AnswersAnswers | Unset = UNSET
    declined: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.answers_answers import AnswersAnswers # noqa: PLC0415
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        declined: list[str] | Unset = UNSET
        if not isinstance(self.declined, Unset):
            declined = self.declined




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if answers is not UNSET:
            field_dict["answers"] = answers
        if declined is not UNSET:
            field_dict["declined"] = declined

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers_answers import AnswersAnswers # noqa: PLC0415
        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: AnswersAnswers | Unset
        if isinstance(_answers,  Unset):
            answers = UNSET
        else:
            answers = AnswersAnswers.from_dict(_answers)




        declined = cast(list[str], d.pop("declined", UNSET))


        answers = cls(
            answers=answers,
            declined=declined,
        )

        return answers

