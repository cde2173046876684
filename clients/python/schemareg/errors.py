"""Failures of calls to the registry, carrying the registry's catalog codes (RFC 9457 problem details)."""

import json
from typing import Any, Dict, List, Optional

TIMEOUT = "PIPE-1001"
UNREACHABLE = "REQ-1009"
ALREADY_EXISTS = "REG-1002"
TRANSITION_NOT_ALLOWED = "REG-1003"
REQUEST_MALFORMED = "REQ-1001"
RUN_BLOCKED = "PIPE-1103"


class RegistryError(Exception):
    """A call to the registry failed: its problem details, or a transport failure (status 0).

    ``code`` is the catalog code (``VAL-1304``, ``PIPE-1001`` for a timeout, ``REQ-1009`` when the registry cannot
    be reached); ``status`` the HTTP status (0 when no answer arrived); ``errors`` the problem's findings.
    """

    def __init__(self, code: Optional[str], detail: str, status: int = 0, title: Optional[str] = None,
                 errors: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__("%s: %s" % (code or status, detail or title or ""))
        self.code = code
        self.detail = detail
        self.status = status
        self.title = title
        self.errors = errors or []

    @property
    def transient(self) -> bool:
        """True for what a retry or a later re-send may cure: no answer, or a 5xx."""
        return self.status == 0 or self.status >= 500


class RegistryUnavailable(RegistryError):
    """The registry did not answer: a timeout (PIPE-1001) or a connection failure (REQ-1009)."""


class SchemaFetchTimeout(RegistryUnavailable):
    """PIPE-1001: the registry did not answer within the resolver's timeout."""


def from_response(status: int, reason: str, body: bytes) -> RegistryError:
    """The error of a non-2xx answer, read from its problem details when it has them."""
    text = body.decode("utf-8", "replace")
    try:
        problem = json.loads(text)
    except ValueError:
        problem = None
    if isinstance(problem, dict):
        return RegistryError(problem.get("code"), problem.get("detail") or "", status, problem.get("title"),
                             problem.get("errors"))
    return RegistryError(None, text[:500] or reason, status, reason)
