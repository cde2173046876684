"""A Glue-style job and a Lambda-style handler against a real registry: resolve, validate, quarantine, lineage, and
validation from cache with the registry stopped (what could not be sent is spooled and re-sent)."""

import os
import pickle

import schemareg
from conftest import invoice


def gdp_transform_job(resolver, run_id, partitions, spool_dir, output_path):
    """What a Glue job does: start the run, validate each partition as Spark's mapPartitions would (the run is
    pickled to each executor), write what passed, complete the run with its output path."""
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", run_id, fqid="finance.gdp.invoice:latest",
                                spool_dir=spool_dir, output_path=output_path).start()
    written = []
    for rows in partitions:
        executor_copy = pickle.loads(pickle.dumps(run))
        written.extend(executor_copy.validate_partition(iter(rows)))
    run.complete()
    return run, written


def partitions():
    good = [invoice(n) for n in range(1, 41)]
    bad = invoice(41, amount=-5)
    drifted = invoice(42, invoice_region_code="EU")
    return [good[:20] + [bad], good[20:] + [drifted]]


def test_glue_job_validates_quarantines_and_records_lineage(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner)
    run, written = gdp_transform_job(resolver, "jr-glue-1", partitions(), str(tmp_path / "spool"),
                                     "s3://warehouse/gdp/invoice/2025/10/07/")
    assert len(written) == 40 and all(row["invoice_id"] != "INV-00000041" for row in written)
    assert run.fqid == "finance.gdp.invoice:v1.0" and run.spooled == 0
    state = running.call("GET", "/v1/runs/jr-glue-1")
    assert state["status"] == "completed_with_quarantine"
    assert state["output_path"] == "s3://warehouse/gdp/invoice/2025/10/07/"
    assert state["counts"]["records"] == 42 and state["counts"]["valid"] == 40
    assert state["counts"]["invalid"] == 1 and state["counts"]["drifted"] == 1 and state["counts"]["quarantined"] == 2
    lineage = run.lineage()
    assert "jr-glue-1" in str(lineage) and "finance.gdp.invoice:v1.0" in str(lineage)
    drift = running.call("GET", "/v1/drift?subject=finance.gdp.invoice")
    assert any(field["path"] == "invoice_region_code" for case in drift for field in case["fields"])
    assert any(batch["quarantine"] for batch in state["batches"])


def test_glue_job_keeps_validating_from_cache_with_the_registry_stopped(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner, retries=1, retry_delay=0.01)
    spool_dir = str(tmp_path / "spool")
    gdp_transform_job(resolver, "jr-glue-warm", partitions(), spool_dir, None)  # warms the cache
    running.stop()
    run, written = gdp_transform_job(resolver, "jr-glue-offline", partitions(), spool_dir,
                                     "s3://warehouse/gdp/invoice/2025/10/08/")
    assert len(written) == 40 and run.started_offline
    assert run.spooled == 6  # start, 2 × (failing records, report), complete
    running.start()
    assert run.flush() == 6 and run.spooled == 0
    state = running.call("GET", "/v1/runs/jr-glue-offline")
    assert state["status"] == "completed_with_quarantine" and state["schema_fqid"] == "finance.gdp.invoice:v1.0"
    assert state["counts"]["records"] == 42 and state["counts"]["quarantined"] == 2
    assert state["output_path"] == "s3://warehouse/gdp/invoice/2025/10/08/"


# A Lambda function: the resolver lives at module level, so it stays warm across invocations.
LAMBDA = {}


def handler(event, context):
    resolver = LAMBDA["resolver"]
    with schemareg.PipelineRun(resolver, "finance_gdp_transform", context["aws_request_id"],
                               fqid="finance.gdp.invoice:latest", spool_dir=LAMBDA["spool"]) as run:
        result = run.validate(event["records"])
    return {"run_id": run.run_id, "fqid": run.fqid, "passed": len(result.passed), "failed": len(result.failed),
            "reasons": sorted({issue.code for issues in result.issues for issue in issues}),
            "spooled": run.spooled}


def test_lambda_handler_validates_and_keeps_going_from_cache_with_the_registry_stopped(running, tmp_path):
    LAMBDA["resolver"] = schemareg.Resolver(running.url, running.runner, retries=1, retry_delay=0.01)
    LAMBDA["spool"] = str(tmp_path / "spool")
    records = [invoice(1), invoice(2, customer={"id": "nope", "country": "DE"}), invoice(3, surprise=True)]
    answer = handler({"records": records}, {"aws_request_id": "lambda-1"})
    assert answer == {"run_id": "lambda-1", "fqid": "finance.gdp.invoice:v1.0", "passed": 1, "failed": 2,
                      "reasons": ["PIPE-1002", "PIPE-1204"], "spooled": 0}
    state = running.call("GET", "/v1/runs/lambda-1")
    assert state["status"] == "completed_with_quarantine" and state["counts"]["quarantined"] == 2

    running.stop()
    offline = handler({"records": records}, {"aws_request_id": "lambda-2"})
    assert offline["passed"] == 1 and offline["failed"] == 2 and offline["spooled"] == 4
    running.start()
    # The next invocation re-sends what the previous one spooled before its own calls.
    handler({"records": [invoice(4)]}, {"aws_request_id": "lambda-3"})
    assert running.call("GET", "/v1/runs/lambda-2")["counts"]["quarantined"] == 2
    assert running.call("GET", "/v1/runs/lambda-3")["status"] == "success"


def test_a_failing_job_completes_its_run_as_failed(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner)
    try:
        with schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-crash", spool_dir=str(tmp_path)) as run:
            run.validate([invoice(1)])
            raise ValueError("disk full")
    except ValueError:
        pass
    state = running.call("GET", "/v1/runs/jr-crash")
    assert state["status"] == "failed" and "disk full" in state["error"]


def test_a_pinned_version_other_than_the_declared_one_is_refused(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner)
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-mismatch", fqid="finance.gdp.customer:v1.0",
                                spool_dir=str(tmp_path))
    try:
        run.start()
        raise AssertionError("start should have been refused")
    except schemareg.RegistryError as e:
        assert e.code == "PIPE-1103"


def test_without_jsonschema_the_registry_validates_and_passing_rows_come_back(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner)
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-server", spool_dir=str(tmp_path),
                                local=False).start()
    rows = [invoice(n) for n in range(1, 151)] + [invoice(151, amount=-1)]
    result = run.validate(rows)
    assert len(result.passed) == 150 and result.failed == [rows[-1]] and not result.local
    assert len(result.answers) == 2  # two chunks of at most 100
    run.complete()
    assert running.call("GET", "/v1/runs/jr-server")["counts"]["quarantined"] == 1


def test_an_unknown_pipeline_is_refused_with_its_code(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner)
    try:
        schemareg.PipelineRun(resolver, "no_such_pipeline", "jr-x", spool_dir=str(tmp_path)).start()
        raise AssertionError("start should have been refused")
    except schemareg.RegistryError as e:
        assert e.code in ("PIPE-1101", "REG-1001") and e.status in (404, 422)


def test_a_row_the_registry_lets_through_comes_back_with_the_passing_rows(running, tmp_path):
    # Under the rescue policy the registry passes a drifted record (its new field moved to _rescued_data), while
    # the local check, which does not rescue, sent it there as failing.
    running.call("POST", "/v1/pipelines", {"pipeline_id": "finance_gdp_rescue", "layer": "gdp",
                                           "fqid": "finance.gdp.invoice:v1.0", "drift_policy": "rescue"})
    resolver = schemareg.Resolver(running.url, running.runner)
    run = schemareg.PipelineRun(resolver, "finance_gdp_rescue", "jr-rescue", spool_dir=str(tmp_path)).start()
    drifted, invalid = invoice(2, invoice_region_code="EU"), invoice(3, amount=-1)
    result = run.validate([invoice(1), drifted, invalid])
    assert result.passed == [invoice(1), drifted] and result.failed == [invalid]
    assert [issue.keyword for issue in result.issues[0]] == ["minimum"]
    run.complete()
    counts = running.call("GET", "/v1/runs/jr-rescue")["counts"]
    assert counts["rescued"] == 1 and counts["quarantined"] == 1 and counts["valid"] == 1


def test_re_sending_a_start_and_a_completion_that_already_arrived_is_harmless(running, tmp_path):
    # As after a crash between the registry's answer and the spool file's deletion.
    from schemareg import spool
    resolver = schemareg.Resolver(running.url, running.runner)
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-resent", spool_dir=str(tmp_path)).start()
    run.validate([invoice(1)])
    run.complete()
    spool.save(str(tmp_path), "jr-resent", "start", b'{"pipeline_id":"finance_gdp_transform","run_id":"jr-resent"}')
    spool.save(str(tmp_path), "jr-resent", "complete", b"{}")
    assert run.spooled == 2
    assert run.flush() == 2 and run.spooled == 0
    assert not [name for name in os.listdir(tmp_path / "jr-resent") if name.endswith(".rejected")]
    state = running.call("GET", "/v1/runs/jr-resent")
    assert state["status"] == "success" and state["counts"]["records"] == 1


def test_an_item_the_registry_refuses_for_good_is_set_aside_and_the_rest_still_go(running, tmp_path):
    from schemareg import spool
    resolver = schemareg.Resolver(running.url, running.runner)
    spool.save(str(tmp_path), "jr-never-started", "complete", b"{}")
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-after", spool_dir=str(tmp_path))
    spool.save(str(tmp_path), "jr-after", "start", b'{"pipeline_id":"finance_gdp_transform","run_id":"jr-after"}')
    assert run.flush() == 1
    rejected = [name for name in os.listdir(tmp_path / "jr-never-started") if name.endswith(".rejected.error")]
    assert len(rejected) == 1
    with open(tmp_path / "jr-never-started" / rejected[0]) as handle:
        assert handle.read().startswith("REG-1001")
    assert running.call("GET", "/v1/runs/jr-after")["status"] == "running"


def test_without_a_declared_fqid_a_run_cannot_start_while_the_registry_is_away(running, tmp_path):
    resolver = schemareg.Resolver(running.url, running.runner, retries=0)
    resolver.resolve("finance.gdp.invoice:latest")
    running.stop()
    run = schemareg.PipelineRun(resolver, "finance_gdp_transform", "jr-nowhere", spool_dir=str(tmp_path))
    try:
        run.start()
        raise AssertionError("start should have failed")
    except schemareg.RegistryUnavailable as e:
        assert e.code == "REQ-1009"
    assert run.spooled == 0
