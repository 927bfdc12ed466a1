from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clinician_assessment_create import ClinicianAssessmentCreate
from ...models.error import Error
from ...models.screening import Screening
from ...models.screening_form_create import ScreeningFormCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    body: ClinicianAssessmentCreate | ScreeningFormCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/participants/{participant_id}/screenings".format(participant_id=quote(str(participant_id), safe=""),),
    }

    
    if isinstance(body, ScreeningFormCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Screening:
    if response.status_code == 201:
        response_201 = Screening.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Screening]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicianAssessmentCreate | ScreeningFormCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Screening]:
    """ Screen a participant

     Scores the answers, raises the contraindication flags with their reasons and gives the outcome:
    `clear`, `caution`, `refer` or `defer` (crisis: the response carries acute or non-acute guidance).
    A stale `form_version`, a missing item, a value outside an item's options or an answer to an item
    that is not enabled is a 422 naming the item, except that a positive critical item lets the form be
    saved with items unanswered (`complete: false`, outcome `defer`). `declined` items: a declined
    critical item counts as positive, any other leaves its instrument incomplete (at least `caution`).
    The adult form is refused (422) for a participant under 18 on the screening date: a clinical lead
    records `method: clinician_assessment` with an `outcome` and a `reason` instead (403 for others).
    The form needs the participant's `date_of_birth` (422 naming it). An incomplete instrument raises
    the
    flag it screens for at `caution` (finding `incomplete-instrument`), and a declined answer never
    gives
    fewer flags than the worst answer would. A screening taken during a crisis hold carries
    `crisis_hold: true` and `effective_outcome: defer`. Immutable once stored.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ClinicianAssessmentCreate | ScreeningFormCreate): Answers to the current intake
            form, or a clinician assessment: one of the two bodies, told apart by
            `method`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Screening]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicianAssessmentCreate | ScreeningFormCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Screening | None:
    """ Screen a participant

     Scores the answers, raises the contraindication flags with their reasons and gives the outcome:
    `clear`, `caution`, `refer` or `defer` (crisis: the response carries acute or non-acute guidance).
    A stale `form_version`, a missing item, a value outside an item's options or an answer to an item
    that is not enabled is a 422 naming the item, except that a positive critical item lets the form be
    saved with items unanswered (`complete: false`, outcome `defer`). `declined` items: a declined
    critical item counts as positive, any other leaves its instrument incomplete (at least `caution`).
    The adult form is refused (422) for a participant under 18 on the screening date: a clinical lead
    records `method: clinician_assessment` with an `outcome` and a `reason` instead (403 for others).
    The form needs the participant's `date_of_birth` (422 naming it). An incomplete instrument raises
    the
    flag it screens for at `caution` (finding `incomplete-instrument`), and a declined answer never
    gives
    fewer flags than the worst answer would. A screening taken during a crisis hold carries
    `crisis_hold: true` and `effective_outcome: defer`. Immutable once stored.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ClinicianAssessmentCreate | ScreeningFormCreate): Answers to the current intake
            form, or a clinician assessment: one of the two bodies, told apart by
            `method`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Screening
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicianAssessmentCreate | ScreeningFormCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Screening]:
    """ Screen a participant

     Scores the answers, raises the contraindication flags with their reasons and gives the outcome:
    `clear`, `caution`, `refer` or `defer` (crisis: the response carries acute or non-acute guidance).
    A stale `form_version`, a missing item, a value outside an item's options or an answer to an item
    that is not enabled is a 422 naming the item, except that a positive critical item lets the form be
    saved with items unanswered (`complete: false`, outcome `defer`). `declined` items: a declined
    critical item counts as positive, any other leaves its instrument incomplete (at least `caution`).
    The adult form is refused (422) for a participant under 18 on the screening date: a clinical lead
    records `method: clinician_assessment` with an `outcome` and a `reason` instead (403 for others).
    The form needs the participant's `date_of_birth` (422 naming it). An incomplete instrument raises
    the
    flag it screens for at `caution` (finding `incomplete-instrument`), and a declined answer never
    gives
    fewer flags than the worst answer would. A screening taken during a crisis hold carries
    `crisis_hold: true` and `effective_outcome: defer`. Immutable once stored.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ClinicianAssessmentCreate | ScreeningFormCreate): Answers to the current intake
            form, or a clinician assessment: one of the two bodies, told apart by
            `method`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Screening]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicianAssessmentCreate | ScreeningFormCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Screening | None:
    """ Screen a participant

     Scores the answers, raises the contraindication flags with their reasons and gives the outcome:
    `clear`, `caution`, `refer` or `defer` (crisis: the response carries acute or non-acute guidance).
    A stale `form_version`, a missing item, a value outside an item's options or an answer to an item
    that is not enabled is a 422 naming the item, except that a positive critical item lets the form be
    saved with items unanswered (`complete: false`, outcome `defer`). `declined` items: a declined
    critical item counts as positive, any other leaves its instrument incomplete (at least `caution`).
    The adult form is refused (422) for a participant under 18 on the screening date: a clinical lead
    records `method: clinician_assessment` with an `outcome` and a `reason` instead (403 for others).
    The form needs the participant's `date_of_birth` (422 naming it). An incomplete instrument raises
    the
    flag it screens for at `caution` (finding `incomplete-instrument`), and a declined answer never
    gives
    fewer flags than the worst answer would. A screening taken during a crisis hold carries
    `crisis_hold: true` and `effective_outcome: defer`. Immutable once stored.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ClinicianAssessmentCreate | ScreeningFormCreate): Answers to the current intake
            form, or a clinician assessment: one of the two bodies, told apart by
            `method`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Screening
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
