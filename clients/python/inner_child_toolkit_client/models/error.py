from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.error_errors import ErrorErrors





T = TypeVar("T", bound="Error")



@_attrs_define
class Error:
    """ The one error shape: RFC 9457 problem details (`application/problem+json`) with this API's `code`,
    `message` and `errors` kept as extension members (toolkit/http_errors.py).

        Attributes:
            code (int): The HTTP status code (kept from version 2; the same as `status`). Example: 422.
            status (int): The HTTP status code (RFC 9457). Example: 422.
            message (str): The same as `detail` (kept from version 2). Example: The request has invalid fields: see errors..
            type_ (str): A URI reference naming the problem type; `about:blank` here: the HTTP status says it. Example:
                about:blank.
            title (str): The HTTP status phrase. Example: Unprocessable Entity.
            detail (str): What went wrong, for people. Example: The request has invalid fields: see errors..
            errors (ErrorErrors | Unset): Present when there are details. On 422: each invalid field → its list of messages,
                nested like the request (`{"items": {"0": {"minutes": [...]}}}`). Otherwise a short explanation by topic (e.g.
                `format` on 406). Example: {'display_name': ['Missing data for required field.']}.
     """

    code: int
    status: int
    message: str
    type_: str
    title: str
    detail: str
    errors: ErrorErrors | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_errors import ErrorErrors # noqa: PLC0415
        code = self.code

        status = self.status

        message = self.message

        type_ = self.type_

        title = self.title

        detail = self.detail

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "status": status,
            "message": message,
            "type": type_,
            "title": title,
            "detail": detail,
        })
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_errors import ErrorErrors # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        status = d.pop("status")

        message = d.pop("message")

        type_ = d.pop("type")

        title = d.pop("title")

        detail = d.pop("detail")

        _errors = d.pop("errors", UNSET)
        errors: ErrorErrors | Unset
        if isinstance(_errors,  Unset):
            errors = UNSET
        else:
            errors = ErrorErrors.from_dict(_errors)




        error = cls(
            code=code,
            status=status,
            message=message,
            type_=type_,
            title=title,
            detail=detail,
            errors=errors,
        )

        return error

