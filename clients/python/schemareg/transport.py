"""HTTP to the registry with the standard library: a bearer token, a timeout per request, failures as coded
:class:`RegistryError` (PIPE-1001 for a timeout, REQ-1009 for a registry that cannot be reached)."""

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Mapping, Optional, Tuple

from . import errors
from .errors import RegistryError, RegistryUnavailable, SchemaFetchTimeout

_USER_AGENT = "schemareg-python/0.1"


class Transport:
    def __init__(self, url: str, token: Optional[str], timeout: float) -> None:
        if not url:
            raise ValueError("url is required (for example http://127.0.0.1:8081)")
        self.base = url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout
        # Redirects are not followed: a registry answers where it is asked, and a redirect would drop the token.
        self._opener = urllib.request.build_opener(_NoRedirect)

    def __getstate__(self) -> Dict[str, Any]:
        return {"base": self.base, "token": self.token, "timeout": self.timeout}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._opener = urllib.request.build_opener(_NoRedirect)

    @property
    def canonical_prefix(self) -> str:
        """The prefix of canonical schema URLs (``{base}/v1/schema/``), as usable in ``$ref``."""
        return self.base + "v1/schema/"

    def send(self, method: str, path: str, body: Optional[bytes] = None, content_type: Optional[str] = None,
             headers: Optional[Mapping[str, str]] = None, timeout: Optional[float] = None
             ) -> Tuple[int, Mapping[str, str], bytes]:
        """One request; returns status, headers and body for 2xx and 304, raises :class:`RegistryError` otherwise."""
        request = urllib.request.Request(self.base + path, data=body, method=method)
        request.add_header("User-Agent", _USER_AGENT)
        request.add_header("Accept", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        if content_type:
            request.add_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        limit = self.timeout if timeout is None else timeout
        try:
            with self._opener.open(request, timeout=limit) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as e:
            data = e.read() if e.fp is not None else b""
            if e.code == 304:
                return 304, e.headers, data
            raise errors.from_response(e.code, e.reason, data) from None
        except (socket.timeout, TimeoutError) as e:
            raise SchemaFetchTimeout(errors.TIMEOUT, "The registry did not answer %s %s within %.0f ms." % (
                method, path, limit * 1000), 0, "Timeout") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, (socket.timeout, TimeoutError)):
                raise SchemaFetchTimeout(errors.TIMEOUT, "The registry did not answer %s %s within %.0f ms." % (
                    method, path, limit * 1000), 0, "Timeout") from e
            raise RegistryUnavailable(errors.UNREACHABLE, "Cannot reach the registry at %s: %s" % (
                self.base, e.reason), 0, "Unreachable") from e
        except (ConnectionError, OSError) as e:
            raise RegistryUnavailable(errors.UNREACHABLE, "Cannot reach the registry at %s: %s" % (
                self.base, e), 0, "Unreachable") from e

    def json(self, method: str, path: str, payload: Any = None) -> Any:
        body = None if payload is None else json.dumps(payload).encode("utf-8")
        _, _, data = self.send(method, path, body, "application/json" if body is not None else None)
        return json.loads(data) if data else None


def escape(value: str) -> str:
    return urllib.parse.quote(value, safe="")


def query(**params: Optional[object]) -> str:
    pairs: Dict[str, str] = {k: str(v) for k, v in params.items() if v is not None}
    return ("?" + urllib.parse.urlencode(pairs)) if pairs else ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None
