"""The Python client's figures: warm-cache resolve (target <= 5 us per call) and local validation throughput over
the same invoice records the .NET harness validates. Starts a real `schemareg serve` (the built CLI) on loopback.

    python3 bench/python_bench.py --data FILE [--schema bench/invoice.schema.json] [--calls 1000000] [--passes 3]

Prints a Markdown table on stdout.
"""

import argparse
import gc
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "clients", "python"))
sys.path.insert(0, os.path.join(HERE, "..", "clients", "python", "tests"))

import schemareg  # noqa: E402
from schemareg import validation  # noqa: E402
from server import Server  # noqa: E402


def best(passes, work):
    times = []
    for _ in range(passes):
        gc.collect()
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--schema", default=os.path.join(HERE, "invoice.schema.json"))
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as handle:
        payload = json.load(handle)
    with open(args.data, "rb") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]

    server = Server(tempfile.mkdtemp(prefix="schemareg-pybench-")).start()
    try:
        server.publish("billing.gdp.invoice:v1.0", payload)
        resolver = schemareg.Resolver(server.url, server.admin, alias_revalidate_after=3600.0)
        cold_started = time.perf_counter()
        resolver.resolve("billing.gdp.invoice:v1.0")
        cold = time.perf_counter() - cold_started
        resolver.resolve("billing.gdp.invoice:latest")
        rows = []
        for key in ("billing.gdp.invoice:v1.0", "billing.gdp.invoice:latest"):
            resolve = resolver.resolve
            calls = args.calls

            def loop():
                for _ in range(calls):
                    resolve(key)
            seconds, _ = best(args.passes, loop)
            rows.append(("warm-cache `Resolver.resolve(%r)`" % key, "%.3f us/call" % (seconds / calls * 1e6),
                         "%d calls, best of %d; target <= 5 us" % (calls, args.passes),
                         "pass" if seconds / calls <= 5e-6 else "FAIL"))
        rows.append(("first resolve (a trip to the registry on loopback)", "%.2f ms" % (cold * 1e3), "", ""))

        validator = schemareg.LocalValidator(resolver, "billing.gdp.invoice:v1.0", detect_drift=False)
        drift_validator = schemareg.LocalValidator(resolver, "billing.gdp.invoice:v1.0", detect_drift=True)

        def parse_and_check(check):
            return lambda: sum(1 for line in lines if check(json.loads(line)))

        for name, work in (
                ("jsonschema alone, records parsed (`is_valid`)", lambda: sum(1 for r in records if validator.is_valid(r))),
                ("`LocalValidator.is_valid` from bytes (json.loads + validation)", parse_and_check(validator.is_valid)),
                ("`LocalValidator.is_valid` from bytes, drift check on", parse_and_check(drift_validator.is_valid))):
            seconds, valid = best(args.passes, work)
            rows.append((name, "%s records/s" % format(int(len(records) / seconds), ","),
                         "%d records, %d valid, best of %d" % (len(records), valid, args.passes), ""))
    finally:
        server.stop()

    import jsonschema
    try:
        from importlib.metadata import version
        jsonschema_version = version("jsonschema")
    except Exception:  # pragma: no cover
        jsonschema_version = "?"
    print("Python %s, jsonschema %s (%s API)." % (sys.version.split()[0], jsonschema_version, validator.api))
    print()
    print("| Python client | Figure | Notes | Target |")
    print("|---|---:|---|---|")
    for row in rows:
        print("| %s | %s | %s | %s |" % row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
