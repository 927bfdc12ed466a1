from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.therapist import Therapist
from ...models.therapist_update import TherapistUpdate
from typing import cast



def _get_kwargs(
    therapist_id: str,
    *,
    body: TherapistUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/therapists/{therapist_id}".format(therapist_id=quote(str(therapist_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Therapist:
    if response.status_code == 200:
        response_200 = Therapist.from_dict(response.json())



        return response_200

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

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = Error.from_dict(response.json())



        return response_428

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Therapist]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TherapistUpdate,
    if_match: str,

) -> Response[Error | Therapist]:
    """ Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active

     Send the account's ETag as `If-Match` (412 when someone changed it since, 428 without): two admins
    cannot overwrite each other's change of a role or the clinical-lead flag. Deactivating ends every
    login
    of that therapist. The last active admin cannot be demoted or deactivated (409).

    Args:
        therapist_id (str):
        if_match (str):
        body (TherapistUpdate): Changes to a therapist account (admins only): only the fields sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Therapist]
     """


    kwargs = _get_kwargs(
        therapist_id=therapist_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TherapistUpdate,
    if_match: str,

) -> Error | Therapist | None:
    """ Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active

     Send the account's ETag as `If-Match` (412 when someone changed it since, 428 without): two admins
    cannot overwrite each other's change of a role or the clinical-lead flag. Deactivating ends every
    login
    of that therapist. The last active admin cannot be demoted or deactivated (409).

    Args:
        therapist_id (str):
        if_match (str):
        body (TherapistUpdate): Changes to a therapist account (admins only): only the fields sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Therapist
     """


    return sync_detailed(
        therapist_id=therapist_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TherapistUpdate,
    if_match: str,

) -> Response[Error | Therapist]:
    """ Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active

     Send the account's ETag as `If-Match` (412 when someone changed it since, 428 without): two admins
    cannot overwrite each other's change of a role or the clinical-lead flag. Deactivating ends every
    login
    of that therapist. The last active admin cannot be demoted or deactivated (409).

    Args:
        therapist_id (str):
        if_match (str):
        body (TherapistUpdate): Changes to a therapist account (admins only): only the fields sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Therapist]
     """


    kwargs = _get_kwargs(
        therapist_id=therapist_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TherapistUpdate,
    if_match: str,

) -> Error | Therapist | None:
    """ Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active

     Send the account's ETag as `If-Match` (412 when someone changed it since, 428 without): two admins
    cannot overwrite each other's change of a role or the clinical-lead flag. Deactivating ends every
    login
    of that therapist. The last active admin cannot be demoted or deactivated (409).

    Args:
        therapist_id (str):
        if_match (str):
        body (TherapistUpdate): Changes to a therapist account (admins only): only the fields sent
            change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Therapist
     """


    return (await asyncio_detailed(
        therapist_id=therapist_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
