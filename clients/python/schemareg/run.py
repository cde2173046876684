"""A pipeline run driven from inside a Glue job, a Lambda function or a Spark executor (the .NET SDK's PipelineRun)."""

import json
import os
import tempfile
import time
from typing import Any, Dict, Iterable, List, Optional

from . import errors, spool
from .errors import RegistryError, RegistryUnavailable
from .resolver import ResolvedSchema, Resolver
from .transport import escape, query
from . import validation

SERVER_CHUNK = 100  # the registry names at most 100 failed records per batch answer


class BatchResult:
    """What one batch gave: the rows that passed (as given), the rows that did not with their reasons, the
    registry's answers (None when spooled), and whether it was validated here (``local``)."""

    def __init__(self, passed: List[Any], failed: List[Any], issues: List[List[validation.Issue]], local: bool,
                 answers: List[Dict[str, Any]], spooled: bool) -> None:
        self.passed = passed
        self.failed = failed
        self.issues = issues
        self.local = local
        self.answers = answers
        self.spooled = spooled

    def __repr__(self) -> str:
        return "BatchResult(passed=%d, failed=%d, local=%r, spooled=%r)" % (
            len(self.passed), len(self.failed), self.local, self.spooled)


class PipelineRun:
    """One run of a registered pipeline.

    ``start()`` starts it on the registry, which pins the version the pipeline declares (exact FQID and content
    hash); ``fqid`` is the version the job's configuration declares: when given, a pinned version that differs is
    refused (PIPE-1103), and when the registry cannot be reached at start the run starts from the resolver's cache
    of that version and the start is spooled. ``validate(rows)`` validates a batch here with jsonschema when it is
    importable (else the registry validates it): passing rows are reported (``POST /v1/runs/{id}/reports``),
    failing rows are sent to the registry's batch endpoint, which validates them again and keeps them in its
    quarantine with their reasons. ``complete()`` records the lineage. Whatever the registry cannot take while it is
    away is spooled under ``spool_dir`` and re-sent, in order, by the next call or by ``flush()``.
    """

    def __init__(self, resolver: Resolver, pipeline_id: str, run_id: str, *, fqid: Optional[str] = None,
                 output_path: Optional[str] = None, spool_dir: Optional[str] = None, local: Optional[bool] = None,
                 detect_drift: bool = True) -> None:
        if not pipeline_id or not run_id:
            raise ValueError("pipeline_id and run_id are required")
        self.resolver = resolver
        self.pipeline_id = pipeline_id
        self.run_id = run_id
        self.declared_fqid = fqid
        self.output_path = output_path
        self.spool_dir = spool_dir or os.path.join(tempfile.gettempdir(), "schemareg-spool")
        self.local = validation.available() if local is None else local
        self.detect_drift = detect_drift
        self.run: Optional[Dict[str, Any]] = None
        self.schema: Optional[ResolvedSchema] = None
        self.started_offline = False
        self._validator: Optional[validation.LocalValidator] = None

    # -- life cycle ---------------------------------------------------------------------------------------------
    def start(self) -> "PipelineRun":
        body = {"pipeline_id": self.pipeline_id, "run_id": self.run_id}
        if self.output_path:
            body["output_path"] = self.output_path
        try:
            self._flush()
            if spool.pending(self.spool_dir, self.run_id) == 0:
                self.run = self.resolver.transport.json("POST", "v1/runs", body)
        except RegistryError as e:
            if not e.transient or self.declared_fqid is None:
                raise
        if self.run is None:
            # The registry is away: start from the cache of the declared version and spool the start.
            if self.declared_fqid is None:
                raise RegistryUnavailable(errors.UNREACHABLE, "Run %s cannot start: earlier items of it wait in %s for "
                                          "the registry, and no fqid was declared to start from." % (
                                              self.run_id, self.spool_dir), 0, "Unreachable")
            schema = self.resolver.resolve(self.declared_fqid)
            spool.save(self.spool_dir, self.run_id, "start", json.dumps(body).encode("utf-8"))
            self.started_offline = True
            self.run = {"run_id": self.run_id, "pipeline_id": self.pipeline_id, "schema_fqid": schema.fqid,
                        "content_hash": schema.content_hash, "drift_policy": "quarantine", "status": "running",
                        "counts": {"batches": 0}}
        self.schema = self.resolver.resolve(self.run["schema_fqid"])
        if self.declared_fqid is not None and not self.started_offline:
            declared = self.resolver.resolve(self.declared_fqid)
            if declared.fqid != self.schema.fqid:
                raise RegistryError(errors.RUN_BLOCKED, "Run %s was pinned to %s but the job declares %s (%s)." % (
                    self.run_id, self.schema.fqid, self.declared_fqid, declared.fqid), 0, "Declared version differs")
        if self.local:
            # Loads the version's references now, so the resolver's cache (which travels with the run to Spark
            # executors) holds everything validation needs, whatever happens to the registry later.
            _ = self.validator
        return self

    @property
    def fqid(self) -> str:
        """The exact version the run is pinned to."""
        return self._started()["schema_fqid"]

    @property
    def drift_policy(self) -> str:
        return self._started().get("drift_policy", "quarantine")

    def complete(self, status: Optional[str] = None, output_path: Optional[str] = None,
                 error: Optional[str] = None) -> Optional[Dict[str, Any]]:
        """Completes the run (after re-sending anything spooled); returns the run, or None when the completion was
        spooled. ``status="failed"`` with an ``error`` when the job itself failed; omit it to let the registry
        decide from the batches."""
        self._started()
        body = {k: v for k, v in (("status", status), ("output_path", output_path or self.output_path),
                                  ("error", error)) if v is not None}
        data = json.dumps(body).encode("utf-8")
        answer = self._send_or_spool("complete", data, lambda: self.resolver.transport.json(
            "POST", "v1/runs/%s/complete" % escape(self.run_id), body))
        return answer

    def lineage(self) -> Dict[str, Any]:
        """The run's lineage as the registry holds it (``GET /v1/lineage?run=``)."""
        return self.resolver.transport.json("GET", "v1/lineage" + query(run=self.run_id))

    def get(self) -> Dict[str, Any]:
        """The run with its batches (``GET /v1/runs/{run_id}``)."""
        return self.resolver.transport.json("GET", "v1/runs/%s" % escape(self.run_id))

    @property
    def spooled(self) -> int:
        """Items of this run still waiting for the registry."""
        return spool.pending(self.spool_dir, self.run_id)

    def flush(self) -> int:
        """Re-sends what is spooled (every run in the spool folder); returns how many items were delivered."""
        return spool.flush(self.resolver.transport, self.spool_dir)

    def __enter__(self) -> "PipelineRun":
        return self.start() if self.run is None else self

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        if value is None:
            self.complete()
        else:
            self.complete(status="failed", error="PIPE-1301: %s: %s" % (kind.__name__, value))

    # -- batches ------------------------------------------------------------------------------------------------
    def validate(self, rows: Iterable[Any]) -> BatchResult:
        """Validates one batch of records (dicts, or JSON text/bytes per record)."""
        records = [_record(row) for row in rows]
        if self.local:
            return self._validate_locally(records)
        return self._validate_on_server(records)

    def validate_partition(self, rows: Iterable[Any]) -> List[Any]:
        """For Spark's ``mapPartitions``: the partition's passing rows; the rest are quarantined by the registry."""
        return self.validate(rows).passed

    def send_batch(self, rows: Iterable[Any]) -> Optional[Dict[str, Any]]:
        """Streams records to the registry for validation there (drift, quarantine); None when spooled."""
        body = b"".join(_ndjson(_record(row)) for row in rows)
        return self._send_or_spool("batch", body, lambda: self._post_batch(body))

    @property
    def validator(self) -> validation.LocalValidator:
        """The pinned version compiled for jsonschema (through the resolver's cache)."""
        if self._validator is None:
            self._validator = validation.LocalValidator(
                self.resolver, self.fqid, self.detect_drift and self.drift_policy != "allow")
        return self._validator

    def _validate_locally(self, records: List[Any]) -> BatchResult:
        started = time.perf_counter()
        validator = self.validator
        passed, failed, issues, server_passed = [], [], [], []  # type: List[Any], List[Any], List[Any], List[Any]
        for record in records:
            if validator.is_valid(record):
                passed.append(record)
            else:
                failed.append(record)
                issues.append(validator.issues(record))
        answers, spooled = [], False
        if failed:
            # The registry judges the rows that failed here again and quarantines what it refuses; a row it finds
            # valid (the two engines differ on a format, say) goes back to the passing rows. Chunks of 100 keep its
            # list of failed records complete.
            judged, judged_issues = [], []
            for first in range(0, len(failed), SERVER_CHUNK):
                chunk = failed[first:first + SERVER_CHUNK]
                body = b"".join(_ndjson(record) for record in chunk)
                answer = self._send_or_spool("batch", body, lambda: self._post_batch(body))
                if answer is None:
                    spooled = True
                    judged.extend(chunk)
                    judged_issues.extend(issues[first:first + SERVER_CHUNK])
                    continue
                answers.append(answer)
                refused = set(answer.get("failed_records") or [])
                for number, record in enumerate(chunk, start=1):
                    if number in refused:
                        judged.append(record)
                        judged_issues.append(issues[first + number - 1])
                    else:
                        server_passed.append(record)
            failed, issues = judged, judged_issues
        if passed:
            report = {"format": "ndjson", "records": len(passed), "valid": len(passed), "invalid": 0, "drifted": 0,
                      "rescued": 0, "quarantined": 0, "duration_ms": (time.perf_counter() - started) * 1000.0,
                      "failed": False}
            answer = self._send_or_spool("report", json.dumps(report).encode("utf-8"),
                                         lambda: spool.send_report(self.resolver.transport, self.run_id, report))
            spooled = spooled or answer is None
            answers.extend([answer] if answer else [])
        return BatchResult(passed + server_passed, failed, issues, True, answers, spooled)

    def _validate_on_server(self, records: List[Any]) -> BatchResult:
        # Without jsonschema the registry validates; chunks of 100 keep its list of failed records complete, so the
        # passing rows can be handed back.
        passed, failed, answers = [], [], []
        for first in range(0, len(records), SERVER_CHUNK):
            chunk = records[first:first + SERVER_CHUNK]
            answer = self._post_batch(b"".join(_ndjson(record) for record in chunk))
            answers.append(answer)
            bad = set(answer.get("failed_records") or [])
            for number, record in enumerate(chunk, start=1):
                (failed if number in bad else passed).append(record)
        return BatchResult(passed, failed, [[] for _ in failed], False, answers, False)

    def _post_batch(self, body: bytes) -> Dict[str, Any]:
        _, _, data = self.resolver.transport.send("POST", "v1/runs/%s/batches" % escape(self.run_id), body,
                                                  spool.NDJSON, timeout=max(self.resolver.timeout, 60.0))
        return json.loads(data)

    # -- spooling -----------------------------------------------------------------------------------------------
    def _send_or_spool(self, kind: str, body: bytes, send: Any) -> Optional[Dict[str, Any]]:
        try:
            self._flush()
            if spool.pending(self.spool_dir, self.run_id) == 0:
                return send()
        except RegistryError as e:
            if not e.transient:
                raise
        spool.save(self.spool_dir, self.run_id, kind, body)
        return None

    def _flush(self) -> None:
        if spool.pending(self.spool_dir) > 0:
            spool.flush(self.resolver.transport, self.spool_dir)

    def _started(self) -> Dict[str, Any]:
        if self.run is None:
            raise RuntimeError("Call start() first.")
        return self.run

    # Spark ships the run to its executors: the compiled validator is rebuilt there, from the resolver's cache.
    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state["_validator"] = None
        return state


def validate_partition(run: PipelineRun, rows: Iterable[Any]) -> List[Any]:
    """``rdd.mapPartitions(lambda rows: validate_partition(run, rows))``: passing rows; the rest quarantined."""
    return run.validate_partition(rows)


def _record(row: Any) -> Any:
    if isinstance(row, (bytes, bytearray)):
        return json.loads(row)
    if isinstance(row, str):
        return json.loads(row)
    if hasattr(row, "asDict"):  # a pyspark Row
        return row.asDict(recursive=True)
    return row


def _ndjson(record: Any) -> bytes:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode("utf-8") + b"\n"
