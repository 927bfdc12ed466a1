from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alert import Alert
from ...models.error import Error
from ...models.resolve import Resolve
from typing import cast



def _get_kwargs(
    alert_id: str,
    *,
    body: Resolve,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/alerts/{alert_id}/resolve".format(alert_id=quote(str(alert_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Alert | Error:
    if response.status_code == 200:
        response_200 = Alert.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Alert | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Resolve,

) -> Response[Alert | Error]:
    """ Resolve an alert

     Closes it with who, when and why. A `crisis` or `deterioration` alert only by a clinical lead (403,
    audited as denied) with a reason of at least 20 characters (422); other kinds by any therapist. An
    alert already resolved answers 409 (of two at once, exactly one wins). Audited.

    Args:
        alert_id (str):
        body (Resolve): Why the alert is resolved. A crisis or deterioration alert: a clinical
            lead, with at least
            20 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Alert | Error]
     """


    kwargs = _get_kwargs(
        alert_id=alert_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Resolve,

) -> Alert | Error | None:
    """ Resolve an alert

     Closes it with who, when and why. A `crisis` or `deterioration` alert only by a clinical lead (403,
    audited as denied) with a reason of at least 20 characters (422); other kinds by any therapist. An
    alert already resolved answers 409 (of two at once, exactly one wins). Audited.

    Args:
        alert_id (str):
        body (Resolve): Why the alert is resolved. A crisis or deterioration alert: a clinical
            lead, with at least
            20 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Alert | Error
     """


    return sync_detailed(
        alert_id=alert_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Resolve,

) -> Response[Alert | Error]:
    """ Resolve an alert

     Closes it with who, when and why. A `crisis` or `deterioration` alert only by a clinical lead (403,
    audited as denied) with a reason of at least 20 characters (422); other kinds by any therapist. An
    alert already resolved answers 409 (of two at once, exactly one wins). Audited.

    Args:
        alert_id (str):
        body (Resolve): Why the alert is resolved. A crisis or deterioration alert: a clinical
            lead, with at least
            20 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Alert | Error]
     """


    kwargs = _get_kwargs(
        alert_id=alert_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Resolve,

) -> Alert | Error | None:
    """ Resolve an alert

     Closes it with who, when and why. A `crisis` or `deterioration` alert only by a clinical lead (403,
    audited as denied) with a reason of at least 20 characters (422); other kinds by any therapist. An
    alert already resolved answers 409 (of two at once, exactly one wins). Audited.

    Args:
        alert_id (str):
        body (Resolve): Why the alert is resolved. A crisis or deterioration alert: a clinical
            lead, with at least
            20 characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Alert | Error
     """


    return (await asyncio_detailed(
        alert_id=alert_id,
client=client,
body=body,

    )).parsed
