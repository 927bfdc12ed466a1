"""A real SMTP server for the tests (aiosmtpd) on loopback, on an ephemeral port."""

from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class EphemeralController(Controller):
    """aiosmtpd's controller bound to port 0: the port the system chose is read back before the first
    connection (the controller's readiness check connects to it)."""

    def _trigger_server(self):
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def body(self) -> str:
        part = self.message.get_body(("plain",))
        assert part is not None
        return part.get_content()


@dataclass
class Inbox:
    """What the server accepted; `refuse` holds replies to give instead of accepting the next messages."""

    received: list[Received] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse.pop(0)
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 OK"


class Authenticator:
    def __init__(self, inbox: Inbox, user: str, password: str) -> None:
        self.inbox, self.user, self.password = inbox, user, password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == self.user \
            and auth_data.password.decode() == self.password
        if ok:
            self.inbox.logins.append(self.user)
        return AuthResult(success=ok)


def start_server(inbox: Inbox, *, user: str | None = None, password: str | None = None) -> EphemeralController:
    kwargs = {}
    if user is not None:
        kwargs = {"authenticator": Authenticator(inbox, user, password or ""), "auth_require_tls": False}
    controller = EphemeralController(inbox, hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    return controller
