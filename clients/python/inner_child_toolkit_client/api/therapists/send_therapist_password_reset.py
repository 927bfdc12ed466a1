from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.accepted import Accepted
from ...models.error import Error
from typing import cast



def _get_kwargs(
    therapist_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/therapists/{therapist_id}/password-reset".format(therapist_id=quote(str(therapist_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Error:
    if response.status_code == 202:
        response_202 = Accepted.from_dict(response.json())



        return response_202

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Error]:
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

) -> Response[Accepted | Error]:
    """ Email a therapist a password reset link (admin)

     Only an admin, for an active therapist of the practice (a deactivated one answers 404 like an
    unknown
    id). The therapist gets the same one-time link as `POST /auth/password-reset` sends (single use,
    short
    expiry); their password and logins stay as they are until the link is used. The admin never sees it.

    Args:
        therapist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Error]
     """


    kwargs = _get_kwargs(
        therapist_id=therapist_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Accepted | Error | None:
    """ Email a therapist a password reset link (admin)

     Only an admin, for an active therapist of the practice (a deactivated one answers 404 like an
    unknown
    id). The therapist gets the same one-time link as `POST /auth/password-reset` sends (single use,
    short
    expiry); their password and logins stay as they are until the link is used. The admin never sees it.

    Args:
        therapist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Error
     """


    return sync_detailed(
        therapist_id=therapist_id,
client=client,

    ).parsed

async def asyncio_detailed(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Accepted | Error]:
    """ Email a therapist a password reset link (admin)

     Only an admin, for an active therapist of the practice (a deactivated one answers 404 like an
    unknown
    id). The therapist gets the same one-time link as `POST /auth/password-reset` sends (single use,
    short
    expiry); their password and logins stay as they are until the link is used. The admin never sees it.

    Args:
        therapist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Error]
     """


    kwargs = _get_kwargs(
        therapist_id=therapist_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    therapist_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Accepted | Error | None:
    """ Email a therapist a password reset link (admin)

     Only an admin, for an active therapist of the practice (a deactivated one answers 404 like an
    unknown
    id). The therapist gets the same one-time link as `POST /auth/password-reset` sends (single use,
    short
    expiry); their password and logins stay as they are until the link is used. The admin never sees it.

    Args:
        therapist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Error
     """


    return (await asyncio_detailed(
        therapist_id=therapist_id,
client=client,

    )).parsed
