from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.safety_plan import SafetyPlan
from ...models.safety_plan_create import SafetyPlanCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    body: SafetyPlanCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/participants/{participant_id}/safety-plans".format(participant_id=quote(str(participant_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SafetyPlan:
    if response.status_code == 201:
        response_201 = SafetyPlan.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SafetyPlan]:
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
    body: SafetyPlanCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | SafetyPlan]:
    """ Write a new version of a participant's safety plan

     The seven Stanley-Brown sections, each a list of short texts or of people with how to reach them.
    The new version becomes `current` and the previous one `superseded` (kept, never changed). 422
    naming
    the section when every section is empty or an entry is listed twice; 409 when another version was
    saved at the same moment. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (SafetyPlanCreate): A new version of a participant's safety plan (Stanley-Brown
            structure), written with the person in their
            own words. It supersedes the current version; at least one section must have an entry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SafetyPlan]
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
    body: SafetyPlanCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | SafetyPlan | None:
    """ Write a new version of a participant's safety plan

     The seven Stanley-Brown sections, each a list of short texts or of people with how to reach them.
    The new version becomes `current` and the previous one `superseded` (kept, never changed). 422
    naming
    the section when every section is empty or an entry is listed twice; 409 when another version was
    saved at the same moment. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (SafetyPlanCreate): A new version of a participant's safety plan (Stanley-Brown
            structure), written with the person in their
            own words. It supersedes the current version; at least one section must have an entry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SafetyPlan
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
    body: SafetyPlanCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | SafetyPlan]:
    """ Write a new version of a participant's safety plan

     The seven Stanley-Brown sections, each a list of short texts or of people with how to reach them.
    The new version becomes `current` and the previous one `superseded` (kept, never changed). 422
    naming
    the section when every section is empty or an entry is listed twice; 409 when another version was
    saved at the same moment. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (SafetyPlanCreate): A new version of a participant's safety plan (Stanley-Brown
            structure), written with the person in their
            own words. It supersedes the current version; at least one section must have an entry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SafetyPlan]
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
    body: SafetyPlanCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | SafetyPlan | None:
    """ Write a new version of a participant's safety plan

     The seven Stanley-Brown sections, each a list of short texts or of people with how to reach them.
    The new version becomes `current` and the previous one `superseded` (kept, never changed). 422
    naming
    the section when every section is empty or an entry is listed twice; 409 when another version was
    saved at the same moment. Audited.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (SafetyPlanCreate): A new version of a participant's safety plan (Stanley-Brown
            structure), written with the person in their
            own words. It supersedes the current version; at least one section must have an entry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SafetyPlan
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
