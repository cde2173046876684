"""Schema resolution for pipeline workers, with the .NET SDK's semantics (SchemaResolver)."""

import json
import random
import re
import threading
import time
from typing import Any, Dict, Optional

from .errors import RegistryError
from .metrics import ResolverMetrics
from .transport import Transport, escape

_EXACT = re.compile(r":v\d+\.\d+$")


class ResolvedSchema:
    """A schema as the resolver holds it.

    ``fqid`` is the exact version (``finance.gdp.invoice:v1.2``) even when an alias was asked for (``requested``);
    ``payload`` the schema of one record as a dict (shared: do not modify it); ``content_hash`` the registry's hash;
    ``stale`` is True when the registry could not be reached and this is the last copy fetched (``fetched_at``, a
    ``time.time()``, says when the registry last confirmed it); ``document`` the registry's whole answer.
    """

    __slots__ = ("fqid", "requested", "payload", "content_hash", "state", "references", "etag", "stale",
                 "fetched_at", "document")

    def __init__(self, document: Dict[str, Any], etag: Optional[str], stale: bool, fetched_at: float) -> None:
        self.document = document
        self.fqid: str = document["fqid"]
        self.requested: Optional[str] = document.get("requested")
        self.payload: Dict[str, Any] = document["payload"]
        self.content_hash: str = document["content_hash"]
        self.state: str = document.get("state", "")
        self.references = list(document.get("references") or [])
        self.etag = etag
        self.stale = stale
        self.fetched_at = fetched_at

    def as_stale(self) -> "ResolvedSchema":
        return ResolvedSchema(self.document, self.etag, True, self.fetched_at)

    def __repr__(self) -> str:
        return "ResolvedSchema(fqid=%r, content_hash=%r, stale=%r)" % (self.fqid, self.content_hash, self.stale)


class _Entry:
    __slots__ = ("value", "immutable", "fresh_until")

    def __init__(self, value: ResolvedSchema, immutable: bool, fresh_until: float) -> None:
        self.value = value
        self.immutable = immutable
        self.fresh_until = fresh_until


class Resolver:
    """Resolves schemas by FQID or alias (``subject:latest``, ``subject:v1``).

    An exact FQID of a published (or deprecated) version is immutable, so it is cached for the life of the resolver;
    an alias is served from cache for ``alias_revalidate_after`` seconds (1) and then revalidated with If-None-Match
    (a 304 costs no body). A request slower than ``timeout`` (2 s) is PIPE-1001; timeouts, connection failures and
    5xx answers are retried ``retries`` times (2) after ``retry_delay`` (0.1 s) doubling per attempt with jitter in
    [0.5, 1.5); when the registry stays unreachable the last known good copy is served with ``stale=True`` (and not
    asked for again before the next revalidation period). A cached resolve is one dict lookup.

    ``metrics`` (a :class:`ResolverMetrics`) counts cache hits and misses and times every trip to the registry.
    Thread-safe: concurrent resolves of the same key may both fetch; the last answer wins.
    """

    def __init__(self, url: str, token: Optional[str] = None, timeout: float = 2.0, *,
                 alias_revalidate_after: float = 1.0, retries: int = 2, retry_delay: float = 0.1,
                 fall_back_to_last_known_good: bool = True, metrics: Optional[ResolverMetrics] = None) -> None:
        self._transport = Transport(url, token, timeout)
        self.timeout = timeout
        self.alias_revalidate_after = alias_revalidate_after
        self.retries = retries
        self.retry_delay = retry_delay
        self.fall_back_to_last_known_good = fall_back_to_last_known_good
        self.metrics = metrics or ResolverMetrics()
        self._cache: Dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self._transport.base

    @property
    def token(self) -> Optional[str]:
        return self._transport.token

    @property
    def transport(self) -> Transport:
        return self._transport

    def resolve(self, fqid_or_alias: str) -> ResolvedSchema:
        """The version named: from cache when it needs no trip, else from the registry (see the class summary)."""
        entry = self._cache.get(fqid_or_alias)
        if entry is not None and (entry.immutable or time.monotonic() < entry.fresh_until):
            self.metrics.cache_hits += 1
            return entry.value
        self.metrics.cache_misses += 1
        return self._fetch(fqid_or_alias, entry)

    def cached(self, fqid_or_alias: str) -> Optional[ResolvedSchema]:
        """The cached copy, fresh or not, without any trip (None when never fetched)."""
        entry = self._cache.get(fqid_or_alias)
        return entry.value if entry is not None else None

    def _fetch(self, key: str, known: Optional[_Entry]) -> ResolvedSchema:
        failure: Optional[RegistryError] = None
        for attempt in range(self.retries + 1):
            if attempt > 0:
                time.sleep(self.retry_delay * (2 ** (attempt - 1)) * (0.5 + random.random()))
            try:
                return self._send(key, known)
            except RegistryError as e:
                if not e.transient:
                    raise
                failure = e
        if known is not None and self.fall_back_to_last_known_good:
            known.fresh_until = time.monotonic() + self.alias_revalidate_after
            self.metrics.stale_served += 1
            return known.value.as_stale()
        assert failure is not None
        raise failure

    def _send(self, key: str, known: Optional[_Entry]) -> ResolvedSchema:
        headers = {}
        if known is not None and known.value.etag:
            headers["If-None-Match"] = known.value.etag
        started = time.perf_counter()
        try:
            status, response_headers, body = self._transport.send("GET", "v1/schema/" + escape(key), headers=headers)
        except RegistryError as e:
            self.metrics.record_trip(key, (time.perf_counter() - started) * 1000.0, e.code or str(e.status))
            raise
        elapsed = (time.perf_counter() - started) * 1000.0
        if status == 304 and known is not None:
            known.fresh_until = time.monotonic() + self.alias_revalidate_after
            self.metrics.record_trip(key, elapsed, "not_modified")
            if known.value.stale:
                known.value = ResolvedSchema(known.value.document, known.value.etag, False, time.time())
            return known.value
        self.metrics.record_trip(key, elapsed, "ok")
        document = json.loads(body)
        resolved = ResolvedSchema(document, response_headers.get("ETag"), False, time.time())
        published = resolved.state in ("published", "deprecated")
        immutable = bool(_EXACT.search(key)) and published
        with self._lock:
            self._cache[key] = _Entry(resolved, immutable, time.monotonic() + self.alias_revalidate_after)
            if not immutable and published:
                # The version an alias points at is itself immutable: cache it under its own FQID too.
                exact = dict(document)
                exact.pop("requested", None)
                self._cache[resolved.fqid] = _Entry(ResolvedSchema(exact, None, False, resolved.fetched_at), True, 0.0)
        return resolved
