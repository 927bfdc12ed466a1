from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.login import Login
from ...models.tokens import Tokens
from typing import cast



def _get_kwargs(
    *,
    body: Login,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Tokens:
    if response.status_code == 200:
        response_200 = Tokens.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Tokens]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Login,

) -> Response[Error | Tokens]:
    """ Log in

     Returns an access token (short-lived) and a refresh token for one login (one device).

    With two-factor sign-in on, send the authenticator app's current code as `totp`: a right password
    without it answers 401 with `errors.totp` (send the login again with the code); a wrong or already
    used
    code answers 401 too. Where the practice requires two-factor sign-in and the account has none, the
    login
    succeeds but only enrolment is open (`must_enrol_totp` in `GET /me`; other operations answer 403).

    A wrong email, a wrong password and a deactivated account all answer the same 401; a failure for an
    existing account is an event of its practice's audit trail (never the password). Repeated failures
    for
    one account answer 429 with `Retry-After`, with backoff (`LOGIN_ACCOUNT_RATE_LIMIT`: 5 a minute, 20
    an
    hour, 50 a day); other accounts signing in from the same address are not held up by them (the limit
    per
    address is far higher, for a clinic behind one address).

    Args:
        body (Login): Email and password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tokens]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Login,

) -> Error | Tokens | None:
    """ Log in

     Returns an access token (short-lived) and a refresh token for one login (one device).

    With two-factor sign-in on, send the authenticator app's current code as `totp`: a right password
    without it answers 401 with `errors.totp` (send the login again with the code); a wrong or already
    used
    code answers 401 too. Where the practice requires two-factor sign-in and the account has none, the
    login
    succeeds but only enrolment is open (`must_enrol_totp` in `GET /me`; other operations answer 403).

    A wrong email, a wrong password and a deactivated account all answer the same 401; a failure for an
    existing account is an event of its practice's audit trail (never the password). Repeated failures
    for
    one account answer 429 with `Retry-After`, with backoff (`LOGIN_ACCOUNT_RATE_LIMIT`: 5 a minute, 20
    an
    hour, 50 a day); other accounts signing in from the same address are not held up by them (the limit
    per
    address is far higher, for a clinic behind one address).

    Args:
        body (Login): Email and password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tokens
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Login,

) -> Response[Error | Tokens]:
    """ Log in

     Returns an access token (short-lived) and a refresh token for one login (one device).

    With two-factor sign-in on, send the authenticator app's current code as `totp`: a right password
    without it answers 401 with `errors.totp` (send the login again with the code); a wrong or already
    used
    code answers 401 too. Where the practice requires two-factor sign-in and the account has none, the
    login
    succeeds but only enrolment is open (`must_enrol_totp` in `GET /me`; other operations answer 403).

    A wrong email, a wrong password and a deactivated account all answer the same 401; a failure for an
    existing account is an event of its practice's audit trail (never the password). Repeated failures
    for
    one account answer 429 with `Retry-After`, with backoff (`LOGIN_ACCOUNT_RATE_LIMIT`: 5 a minute, 20
    an
    hour, 50 a day); other accounts signing in from the same address are not held up by them (the limit
    per
    address is far higher, for a clinic behind one address).

    Args:
        body (Login): Email and password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tokens]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Login,

) -> Error | Tokens | None:
    """ Log in

     Returns an access token (short-lived) and a refresh token for one login (one device).

    With two-factor sign-in on, send the authenticator app's current code as `totp`: a right password
    without it answers 401 with `errors.totp` (send the login again with the code); a wrong or already
    used
    code answers 401 too. Where the practice requires two-factor sign-in and the account has none, the
    login
    succeeds but only enrolment is open (`must_enrol_totp` in `GET /me`; other operations answer 403).

    A wrong email, a wrong password and a deactivated account all answer the same 401; a failure for an
    existing account is an event of its practice's audit trail (never the password). Repeated failures
    for
    one account answer 429 with `Retry-After`, with backoff (`LOGIN_ACCOUNT_RATE_LIMIT`: 5 a minute, 20
    an
    hour, 50 a day); other accounts signing in from the same address are not held up by them (the limit
    per
    address is far higher, for a clinic behind one address).

    Args:
        body (Login): Email and password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tokens
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
