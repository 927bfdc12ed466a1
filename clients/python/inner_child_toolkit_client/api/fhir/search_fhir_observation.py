from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fhir_bundle import FhirBundle
from ...models.fhir_format import FhirFormat
from ...models.operation_outcome import OperationOutcome
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    field_count: int | Unset = UNSET,
    field_offset: int | Unset = UNSET,
    field_format_: FhirFormat | Unset = UNSET,
    subject: str | Unset = UNSET,
    patient: str | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    date: list[str] | Unset = UNSET,
    code: list[str] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["_count"] = field_count

    params["_offset"] = field_offset

    json_field_format_: str | Unset = UNSET
    if not isinstance(field_format_, Unset):
        json_field_format_ = field_format_.value

    params["_format"] = json_field_format_

    params["subject"] = subject

    params["patient"] = patient

    json_category: list[str] | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category


    params["category"] = json_category

    json_date: list[str] | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date


    params["date"] = json_date

    json_code: list[str] | Unset = UNSET
    if not isinstance(code, Unset):
        json_code = code


    params["code"] = json_code


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fhir/Observation",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | FhirBundle | OperationOutcome:
    if response.status_code == 200:
        response_200 = FhirBundle.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = OperationOutcome.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = OperationOutcome.from_dict(response.json())



        return response_401

    if response.status_code == 406:
        response_406 = OperationOutcome.from_dict(response.json())



        return response_406

    if response.status_code == 422:
        response_422 = OperationOutcome.from_dict(response.json())



        return response_422

    response_default = OperationOutcome.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | FhirBundle | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = UNSET,
    field_offset: int | Unset = UNSET,
    field_format_: FhirFormat | Unset = UNSET,
    subject: str | Unset = UNSET,
    patient: str | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    date: list[str] | Unset = UNSET,
    code: list[str] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirBundle | OperationOutcome]:
    """ Search scores and outcomes as Observations

     By `subject` (or `patient`), `category`, `date` (with prefixes) and `code`; newest screening first.
    Audited as a listing of screenings.

    Args:
        field_count (int | Unset):
        field_offset (int | Unset):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        subject (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        patient (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        category (list[str] | Unset):  Example: ['survey'].
        date (list[str] | Unset):  Example: ['ge2026-01-01'].
        code (list[str] | Unset):  Example: ['http://loinc.org|44261-6'].
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirBundle | OperationOutcome]
     """


    kwargs = _get_kwargs(
        field_count=field_count,
field_offset=field_offset,
field_format_=field_format_,
subject=subject,
patient=patient,
category=category,
date=date,
code=code,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = UNSET,
    field_offset: int | Unset = UNSET,
    field_format_: FhirFormat | Unset = UNSET,
    subject: str | Unset = UNSET,
    patient: str | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    date: list[str] | Unset = UNSET,
    code: list[str] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirBundle | OperationOutcome | None:
    """ Search scores and outcomes as Observations

     By `subject` (or `patient`), `category`, `date` (with prefixes) and `code`; newest screening first.
    Audited as a listing of screenings.

    Args:
        field_count (int | Unset):
        field_offset (int | Unset):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        subject (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        patient (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        category (list[str] | Unset):  Example: ['survey'].
        date (list[str] | Unset):  Example: ['ge2026-01-01'].
        code (list[str] | Unset):  Example: ['http://loinc.org|44261-6'].
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirBundle | OperationOutcome
     """


    return sync_detailed(
        client=client,
field_count=field_count,
field_offset=field_offset,
field_format_=field_format_,
subject=subject,
patient=patient,
category=category,
date=date,
code=code,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = UNSET,
    field_offset: int | Unset = UNSET,
    field_format_: FhirFormat | Unset = UNSET,
    subject: str | Unset = UNSET,
    patient: str | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    date: list[str] | Unset = UNSET,
    code: list[str] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirBundle | OperationOutcome]:
    """ Search scores and outcomes as Observations

     By `subject` (or `patient`), `category`, `date` (with prefixes) and `code`; newest screening first.
    Audited as a listing of screenings.

    Args:
        field_count (int | Unset):
        field_offset (int | Unset):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        subject (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        patient (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        category (list[str] | Unset):  Example: ['survey'].
        date (list[str] | Unset):  Example: ['ge2026-01-01'].
        code (list[str] | Unset):  Example: ['http://loinc.org|44261-6'].
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirBundle | OperationOutcome]
     """


    kwargs = _get_kwargs(
        field_count=field_count,
field_offset=field_offset,
field_format_=field_format_,
subject=subject,
patient=patient,
category=category,
date=date,
code=code,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    field_count: int | Unset = UNSET,
    field_offset: int | Unset = UNSET,
    field_format_: FhirFormat | Unset = UNSET,
    subject: str | Unset = UNSET,
    patient: str | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    date: list[str] | Unset = UNSET,
    code: list[str] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirBundle | OperationOutcome | None:
    """ Search scores and outcomes as Observations

     By `subject` (or `patient`), `category`, `date` (with prefixes) and `code`; newest screening first.
    Audited as a listing of screenings.

    Args:
        field_count (int | Unset):
        field_offset (int | Unset):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        subject (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        patient (str | Unset):  Example: Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10.
        category (list[str] | Unset):  Example: ['survey'].
        date (list[str] | Unset):  Example: ['ge2026-01-01'].
        code (list[str] | Unset):  Example: ['http://loinc.org|44261-6'].
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirBundle | OperationOutcome
     """


    return (await asyncio_detailed(
        client=client,
field_count=field_count,
field_offset=field_offset,
field_format_=field_format_,
subject=subject,
patient=patient,
category=category,
date=date,
code=code,
if_none_match=if_none_match,

    )).parsed
