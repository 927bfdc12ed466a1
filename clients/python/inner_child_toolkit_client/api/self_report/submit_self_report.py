from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.submit import Submit
from ...models.submitted import Submitted
from typing import cast



def _get_kwargs(
    token: str,
    *,
    body: Submit,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/self-report/{token}/submit".format(token=quote(str(token), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Submitted:
    if response.status_code == 201:
        response_201 = Submitted.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Submitted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Submit,

) -> Response[Error | Submitted]:
    """ Send the form (or sign the agreement)

     Makes the screening (`method: self_report`, scored by the same rules as a therapist's entry) from
    the
    saved answers; 422 naming the items still unanswered, unless a critical item is positive (the person
    may stop there). For an `agreement` invitation: `typed_name` and `agreed: true` sign the current
    version. The answer has no scores. From now on the link shows only a thank-you and this API answers
    404.

    Args:
        token (str):
        body (Submit): Nothing for a form (the saved answers are sent); the signature for an
            `agreement` invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Submitted]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Submit,

) -> Error | Submitted | None:
    """ Send the form (or sign the agreement)

     Makes the screening (`method: self_report`, scored by the same rules as a therapist's entry) from
    the
    saved answers; 422 naming the items still unanswered, unless a critical item is positive (the person
    may stop there). For an `agreement` invitation: `typed_name` and `agreed: true` sign the current
    version. The answer has no scores. From now on the link shows only a thank-you and this API answers
    404.

    Args:
        token (str):
        body (Submit): Nothing for a form (the saved answers are sent); the signature for an
            `agreement` invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Submitted
     """


    return sync_detailed(
        token=token,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Submit,

) -> Response[Error | Submitted]:
    """ Send the form (or sign the agreement)

     Makes the screening (`method: self_report`, scored by the same rules as a therapist's entry) from
    the
    saved answers; 422 naming the items still unanswered, unless a critical item is positive (the person
    may stop there). For an `agreement` invitation: `typed_name` and `agreed: true` sign the current
    version. The answer has no scores. From now on the link shows only a thank-you and this API answers
    404.

    Args:
        token (str):
        body (Submit): Nothing for a form (the saved answers are sent); the signature for an
            `agreement` invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Submitted]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Submit,

) -> Error | Submitted | None:
    """ Send the form (or sign the agreement)

     Makes the screening (`method: self_report`, scored by the same rules as a therapist's entry) from
    the
    saved answers; 422 naming the items still unanswered, unless a critical item is positive (the person
    may stop there). For an `agreement` invitation: `typed_name` and `agreed: true` sign the current
    version. The answer has no scores. From now on the link shows only a thank-you and this API answers
    404.

    Args:
        token (str):
        body (Submit): Nothing for a form (the saved answers are sent); the signature for an
            `agreement` invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Submitted
     """


    return (await asyncio_detailed(
        token=token,
client=client,
body=body,

    )).parsed
