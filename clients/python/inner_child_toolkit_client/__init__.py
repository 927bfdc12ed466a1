
""" A client library for accessing Inner Child Group Toolkit API """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
