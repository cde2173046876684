"""Resolver latency and cache counters, kept in process for whoever exports them (Prometheus text, CloudWatch EMF,
OpenTelemetry, logs). Updating them costs a few attribute increments and takes no lock: CPython's GIL keeps each
increment whole enough for monitoring."""

import bisect
from typing import Callable, Dict, List, Optional, Sequence

# Milliseconds, as the seed's schema.resolver_latency_ms (target P95 <= 200 ms).
DEFAULT_BUCKETS_MS = (1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0)


class Histogram:
    """A cumulative-bucket histogram in the Prometheus sense: count, sum and per-bucket counts (le = upper bound)."""

    def __init__(self, buckets: Sequence[float] = DEFAULT_BUCKETS_MS) -> None:
        self.bounds = tuple(sorted(buckets))
        self._counts = [0] * (len(self.bounds) + 1)
        self.count = 0
        self.sum = 0.0

    def observe(self, value: float) -> None:
        self._counts[bisect.bisect_left(self.bounds, value)] += 1
        self.count += 1
        self.sum += value

    def buckets(self) -> Dict[str, int]:
        """Cumulative counts keyed by upper bound (``"+Inf"`` last)."""
        result, running = {}, 0
        for bound, count in zip(list(self.bounds) + [float("inf")], self._counts):
            running += count
            result["+Inf" if bound == float("inf") else _number(bound)] = running
        return result

    def quantile(self, q: float) -> Optional[float]:
        """The upper bound of the bucket holding quantile ``q`` (None before any observation)."""
        if self.count == 0:
            return None
        rank, running = q * self.count, 0
        for bound, count in zip(list(self.bounds) + [float("inf")], self._counts):
            running += count
            if running >= rank:
                return bound
        return float("inf")


class ResolverMetrics:
    """What a :class:`schemareg.Resolver` counts.

    - ``latency``: milliseconds of every trip to the registry (each attempt, answered or not), a :class:`Histogram`;
    - ``cache_hits``: resolves answered from cache without a trip; ``cache_misses``: resolves that needed one;
    - ``not_modified``: revalidations answered 304; ``errors``: attempts that failed (timeouts, connection failures,
      error answers); ``stale_served``: last-known-good copies served because the registry was away.

    ``listeners`` are called with ``(fqid_or_alias, milliseconds, outcome)`` after every trip (outcome: ``"ok"``,
    ``"not_modified"`` or the error code), e.g. to emit a CloudWatch metric.
    """

    def __init__(self, buckets: Sequence[float] = DEFAULT_BUCKETS_MS) -> None:
        self.latency = Histogram(buckets)
        self.cache_hits = 0
        self.cache_misses = 0
        self.not_modified = 0
        self.errors = 0
        self.stale_served = 0
        self.listeners: List[Callable[[str, float, str], None]] = []

    def record_trip(self, key: str, milliseconds: float, outcome: str) -> None:
        self.latency.observe(milliseconds)
        if outcome not in ("ok", "not_modified"):
            self.errors += 1
        elif outcome == "not_modified":
            self.not_modified += 1
        for listener in self.listeners:
            listener(key, milliseconds, outcome)

    def snapshot(self) -> Dict[str, object]:
        """A plain dict: counters, and the latency's count, sum, buckets and P95 (bucket bound)."""
        hits = self.cache_hits
        lookups = hits + self.cache_misses
        return {
            "resolver_latency_ms": {"count": self.latency.count, "sum": self.latency.sum,
                                    "buckets": self.latency.buckets(), "p95": self.latency.quantile(0.95)},
            "cache_hits": hits,
            "cache_misses": self.cache_misses,
            "cache_hit_ratio": (hits / lookups) if lookups else None,
            "not_modified": self.not_modified,
            "errors": self.errors,
            "stale_served": self.stale_served,
        }

    def prometheus(self, prefix: str = "schema") -> str:
        """The counters in the Prometheus text format (for a textfile collector or a push gateway).

        The default names are the ones the .NET SDK and the server export (``schema_resolver_latency_ms``), so the
        shipped alert rules and dashboard read a Python worker's figures unchanged.
        """
        lines = ["# TYPE %s_resolver_latency_ms histogram" % prefix]
        for bound, count in self.latency.buckets().items():
            lines.append('%s_resolver_latency_ms_bucket{le="%s"} %d' % (prefix, bound, count))
        lines.append("%s_resolver_latency_ms_sum %s" % (prefix, _number(self.latency.sum)))
        lines.append("%s_resolver_latency_ms_count %d" % (prefix, self.latency.count))
        for name in ("cache_hits", "cache_misses", "not_modified", "errors", "stale_served"):
            lines.append("# TYPE %s_resolver_%s_total counter" % (prefix, name))
            lines.append("%s_resolver_%s_total %d" % (prefix, name, getattr(self, name)))
        return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    return ("%.6f" % value).rstrip("0").rstrip(".")
