from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fhir_format import FhirFormat
from ...models.fhir_questionnaire import FhirQuestionnaire
from ...models.operation_outcome import OperationOutcome
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    questionnaire_id: str,
    *,
    field_format_: FhirFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_field_format_: str | Unset = UNSET
    if not isinstance(field_format_, Unset):
        json_field_format_ = field_format_.value

    params["_format"] = json_field_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fhir/Questionnaire/{questionnaire_id}".format(questionnaire_id=quote(str(questionnaire_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | FhirQuestionnaire | OperationOutcome:
    if response.status_code == 200:
        response_200 = FhirQuestionnaire.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = OperationOutcome.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = OperationOutcome.from_dict(response.json())



        return response_406

    response_default = OperationOutcome.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | FhirQuestionnaire | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: FhirFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirQuestionnaire | OperationOutcome]:
    """ Read a version of the intake form as a FHIR Questionnaire

     One group per instrument (LOINC panel codes for PHQ-9, GAD-7 and AUDIT-C, our own code system for
    the others), choice items with their answer options and item scores (ordinalValue), enableWhen for
    follow-up items. The current version is `active`, older ones `retired`.

    Args:
        questionnaire_id (str):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirQuestionnaire | OperationOutcome]
     """


    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
field_format_=field_format_,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: FhirFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirQuestionnaire | OperationOutcome | None:
    """ Read a version of the intake form as a FHIR Questionnaire

     One group per instrument (LOINC panel codes for PHQ-9, GAD-7 and AUDIT-C, our own code system for
    the others), choice items with their answer options and item scores (ordinalValue), enableWhen for
    follow-up items. The current version is `active`, older ones `retired`.

    Args:
        questionnaire_id (str):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirQuestionnaire | OperationOutcome
     """


    return sync_detailed(
        questionnaire_id=questionnaire_id,
client=client,
field_format_=field_format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: FhirFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | FhirQuestionnaire | OperationOutcome]:
    """ Read a version of the intake form as a FHIR Questionnaire

     One group per instrument (LOINC panel codes for PHQ-9, GAD-7 and AUDIT-C, our own code system for
    the others), choice items with their answer options and item scores (ordinalValue), enableWhen for
    follow-up items. The current version is `active`, older ones `retired`.

    Args:
        questionnaire_id (str):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirQuestionnaire | OperationOutcome]
     """


    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
field_format_=field_format_,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: FhirFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | FhirQuestionnaire | OperationOutcome | None:
    """ Read a version of the intake form as a FHIR Questionnaire

     One group per instrument (LOINC panel codes for PHQ-9, GAD-7 and AUDIT-C, our own code system for
    the others), choice items with their answer options and item scores (ordinalValue), enableWhen for
    follow-up items. The current version is `active`, older ones `retired`.

    Args:
        questionnaire_id (str):
        field_format_ (FhirFormat | Unset): What `_format` may name (XML answers 406).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirQuestionnaire | OperationOutcome
     """


    return (await asyncio_detailed(
        questionnaire_id=questionnaire_id,
client=client,
field_format_=field_format_,
if_none_match=if_none_match,

    )).parsed
