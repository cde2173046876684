import socket
import threading

import pytest

import schemareg
from conftest import INVOICE
from server import free_port


def test_exact_version_is_fetched_once_and_then_served_from_cache(running):
    resolver = schemareg.Resolver(running.url, running.runner)
    first = resolver.resolve("finance.gdp.customer:v1.0")
    assert first.fqid == "finance.gdp.customer:v1.0"
    assert first.payload["required"] == ["id", "country"]
    assert first.content_hash.startswith("sha256:")
    assert first.stale is False
    for _ in range(1000):
        assert resolver.resolve("finance.gdp.customer:v1.0") is first
    assert resolver.metrics.latency.count == 1
    assert resolver.metrics.cache_hits == 1000
    assert resolver.metrics.cache_misses == 1


def test_alias_is_revalidated_with_etag_and_follows_a_new_version(running):
    resolver = schemareg.Resolver(running.url, running.runner, alias_revalidate_after=0.0)
    first = resolver.resolve("finance.gdp.customer:latest")
    assert first.fqid == "finance.gdp.customer:v1.0" and first.requested == "finance.gdp.customer:latest"
    assert first.etag
    again = resolver.resolve("finance.gdp.customer:latest")
    assert again is first
    assert resolver.metrics.not_modified == 1
    # The version the alias named is cached under its exact FQID too.
    trips = resolver.metrics.latency.count
    assert resolver.resolve("finance.gdp.customer:v1.0").fqid == "finance.gdp.customer:v1.0"
    assert resolver.metrics.latency.count == trips

    running.publish("finance.gdp.customer:v2.0", {"type": "object", "required": ["id"],
                                                  "properties": {"id": {"type": "string"}}})
    newer = resolver.resolve("finance.gdp.customer:latest")
    assert newer.fqid == "finance.gdp.customer:v2.0"
    assert resolver.resolve("finance.gdp.customer:v1").fqid == "finance.gdp.customer:v1.0"


def test_alias_within_its_revalidation_period_needs_no_trip(running):
    resolver = schemareg.Resolver(running.url, running.runner, alias_revalidate_after=60.0)
    resolver.resolve("finance.gdp.invoice:latest")
    resolver.resolve("finance.gdp.invoice:latest")
    assert resolver.metrics.latency.count == 1


def test_registry_errors_carry_the_catalog_code(running):
    resolver = schemareg.Resolver(running.url, running.runner)
    with pytest.raises(schemareg.RegistryError) as missing:
        resolver.resolve("finance.gdp.nothing:v1.0")
    assert missing.value.code == "REG-1001" and missing.value.status == 404
    assert resolver.metrics.latency.count == 1  # a 4xx is not retried

    with pytest.raises(schemareg.RegistryError) as unauthenticated:
        schemareg.Resolver(running.url, "not-a-key").resolve("finance.gdp.invoice:v1.0")
    assert unauthenticated.value.code == "AUTH-1001" and unauthenticated.value.status == 401


def test_a_registry_that_does_not_answer_is_pipe_1001_after_retries():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # accepts connections, never answers
    try:
        resolver = schemareg.Resolver("http://127.0.0.1:%d" % listener.getsockname()[1], "token", timeout=0.2,
                                      retries=2, retry_delay=0.01)
        with pytest.raises(schemareg.SchemaFetchTimeout) as failure:
            resolver.resolve("finance.gdp.invoice:v1.0")
        assert failure.value.code == "PIPE-1001" and failure.value.status == 0
        assert resolver.metrics.errors == 3  # the first attempt and two retries
    finally:
        listener.close()


def test_a_registry_that_cannot_be_reached_is_req_1009():
    resolver = schemareg.Resolver("http://127.0.0.1:%d" % free_port(), None, retries=1, retry_delay=0.01)
    with pytest.raises(schemareg.RegistryUnavailable) as failure:
        resolver.resolve("finance.gdp.invoice:latest")
    assert failure.value.code == "REQ-1009"
    assert resolver.metrics.errors == 2


def test_last_known_good_is_served_stale_while_the_registry_is_stopped(running):
    resolver = schemareg.Resolver(running.url, running.runner, alias_revalidate_after=0.0, retries=1,
                                  retry_delay=0.01)
    fresh = resolver.resolve("finance.gdp.invoice:latest")
    exact = resolver.resolve("finance.gdp.invoice:v1.0")
    running.stop()
    stale = resolver.resolve("finance.gdp.invoice:latest")
    assert stale.stale is True and stale.fqid == fresh.fqid and stale.payload == INVOICE
    assert resolver.resolve("finance.gdp.invoice:v1.0") is exact and exact.stale is False
    assert resolver.metrics.stale_served == 1
    with pytest.raises(schemareg.RegistryUnavailable):
        resolver.resolve("finance.gdp.customer:v1.0")  # never fetched: nothing to fall back on
    running.start()
    assert resolver.resolve("finance.gdp.invoice:latest").stale is False


def test_metrics_are_exported_as_prometheus_text_and_to_listeners(running):
    resolver = schemareg.Resolver(running.url, running.runner)
    seen = []
    resolver.metrics.listeners.append(lambda key, ms, outcome: seen.append((key, outcome)))
    resolver.resolve("finance.gdp.invoice:v1.0")
    resolver.resolve("finance.gdp.invoice:v1.0")
    text = resolver.metrics.prometheus()
    assert "schema_resolver_latency_ms_count 1\n" in text
    assert 'schema_resolver_latency_ms_bucket{le="+Inf"} 1\n' in text
    assert "schema_resolver_cache_hits_total 1\n" in text
    assert seen == [("finance.gdp.invoice:v1.0", "ok")]
    snapshot = resolver.metrics.snapshot()
    assert snapshot["cache_hit_ratio"] == 0.5 and snapshot["resolver_latency_ms"]["count"] == 1


def test_concurrent_resolves_share_one_cache(running):
    resolver = schemareg.Resolver(running.url, running.runner)
    resolver.resolve("finance.gdp.invoice:v1.0")
    results = []
    threads = [threading.Thread(target=lambda: results.append(resolver.resolve("finance.gdp.invoice:v1.0").fqid))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["finance.gdp.invoice:v1.0"] * 8 and resolver.metrics.latency.count == 1
