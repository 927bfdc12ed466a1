from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.crisis_review import CrisisReview
from ...models.crisis_review_create import CrisisReviewCreate
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    body: CrisisReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/participants/{participant_id}/crisis-reviews".format(participant_id=quote(str(participant_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CrisisReview | Error:
    if response.status_code == 201:
        response_201 = CrisisReview.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CrisisReview | Error]:
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
    body: CrisisReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[CrisisReview | Error]:
    """ Record a crisis review (clinical lead)

     After a crisis (`defer`) the participant stays `defer` in clearance until a clinical lead reviews
    their latest crisis screening (`screening_id`) with a risk level that is not `high` **and** a
    screening free of crisis is taken at least 24 hours after the review. 403 for a therapist who is not
    a clinical lead; 409 when `screening_id` is not the person's latest crisis screening (a newer crisis
    is unseen) or there is none; 422 for a summary under 20 characters, a past `follow_up_on`, or a
    `safety_plan_id` that is not the person's current safety plan. Concurrent reviews and screenings of
    one person are serialised. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (CrisisReviewCreate): A clinical lead's review of the person's latest crisis
            screening. Unless the risk is `high`, a
            screening free of crisis taken at least 24 hours after the review lifts the crisis hold.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrisisReview | Error]
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
    body: CrisisReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> CrisisReview | Error | None:
    """ Record a crisis review (clinical lead)

     After a crisis (`defer`) the participant stays `defer` in clearance until a clinical lead reviews
    their latest crisis screening (`screening_id`) with a risk level that is not `high` **and** a
    screening free of crisis is taken at least 24 hours after the review. 403 for a therapist who is not
    a clinical lead; 409 when `screening_id` is not the person's latest crisis screening (a newer crisis
    is unseen) or there is none; 422 for a summary under 20 characters, a past `follow_up_on`, or a
    `safety_plan_id` that is not the person's current safety plan. Concurrent reviews and screenings of
    one person are serialised. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (CrisisReviewCreate): A clinical lead's review of the person's latest crisis
            screening. Unless the risk is `high`, a
            screening free of crisis taken at least 24 hours after the review lifts the crisis hold.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrisisReview | Error
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
    body: CrisisReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[CrisisReview | Error]:
    """ Record a crisis review (clinical lead)

     After a crisis (`defer`) the participant stays `defer` in clearance until a clinical lead reviews
    their latest crisis screening (`screening_id`) with a risk level that is not `high` **and** a
    screening free of crisis is taken at least 24 hours after the review. 403 for a therapist who is not
    a clinical lead; 409 when `screening_id` is not the person's latest crisis screening (a newer crisis
    is unseen) or there is none; 422 for a summary under 20 characters, a past `follow_up_on`, or a
    `safety_plan_id` that is not the person's current safety plan. Concurrent reviews and screenings of
    one person are serialised. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (CrisisReviewCreate): A clinical lead's review of the person's latest crisis
            screening. Unless the risk is `high`, a
            screening free of crisis taken at least 24 hours after the review lifts the crisis hold.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrisisReview | Error]
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
    body: CrisisReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> CrisisReview | Error | None:
    """ Record a crisis review (clinical lead)

     After a crisis (`defer`) the participant stays `defer` in clearance until a clinical lead reviews
    their latest crisis screening (`screening_id`) with a risk level that is not `high` **and** a
    screening free of crisis is taken at least 24 hours after the review. 403 for a therapist who is not
    a clinical lead; 409 when `screening_id` is not the person's latest crisis screening (a newer crisis
    is unseen) or there is none; 422 for a summary under 20 characters, a past `follow_up_on`, or a
    `safety_plan_id` that is not the person's current safety plan. Concurrent reviews and screenings of
    one person are serialised. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (CrisisReviewCreate): A clinical lead's review of the person's latest crisis
            screening. Unless the risk is `high`, a
            screening free of crisis taken at least 24 hours after the review lifts the crisis hold.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrisisReview | Error
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
