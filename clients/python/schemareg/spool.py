"""Lineage the registry could not take, kept on local disk and re-sent in order (the .NET SDK's LineageSpool).

Each run has a folder ``{directory}/{run_id}/`` of numbered files: ``NNNNNN-start.json`` (a run started while the
registry was away), ``NNNNNN-report.json`` (a batch validated here), ``NNNNNN-batch.ndjson`` (records for the
registry to validate and quarantine) and ``NNNNNN-complete.json``. They are written to a temporary name and renamed,
so a crash never leaves half a file. Re-sending what already arrived is harmless for starts (REG-1002) and
completions (REG-1003); a report gets its batch number when it is sent (the run's next), so a crash between the
registry's answer and the file's deletion could count that report twice.
"""

import json
import os
from typing import Any, Dict, List, Optional

from . import errors
from .errors import RegistryError
from .transport import Transport, escape

NDJSON = "application/x-ndjson"
_KINDS = ("start", "report", "batch", "complete")


def save(directory: str, run_id: str, kind: str, body: bytes) -> str:
    if kind not in _KINDS:
        raise ValueError(kind)
    folder = os.path.join(directory, _safe(run_id))
    os.makedirs(folder, exist_ok=True)
    numbers = [int(name[:6]) for name in os.listdir(folder) if name[:6].isdigit()]
    suffix = ".ndjson" if kind == "batch" else ".json"
    path = os.path.join(folder, "%06d-%s%s" % (max(numbers, default=0) + 1, kind, suffix))
    with open(path + ".tmp", "wb") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(path + ".tmp", path)
    with open(os.path.join(folder, "run_id"), "w", encoding="utf-8") as handle:
        handle.write(run_id)
    return path


def pending(directory: str, run_id: Optional[str] = None) -> int:
    """Items waiting (for one run, or for all)."""
    if not os.path.isdir(directory):
        return 0
    folders = [_safe(run_id)] if run_id is not None else os.listdir(directory)
    return sum(len(_items(os.path.join(directory, folder))) for folder in folders)


def flush(transport: Transport, directory: str) -> int:
    """Re-sends every spooled item of every run, oldest first; stops at the first transport failure (or 5xx).
    An item the registry refuses for good is renamed ``….rejected`` with the error beside it. Returns how many
    items were delivered."""
    if not os.path.isdir(directory):
        return 0
    delivered = 0
    for folder_name in sorted(os.listdir(directory)):
        folder = os.path.join(directory, folder_name)
        items = _items(folder)
        if not items:
            continue
        with open(os.path.join(folder, "run_id"), encoding="utf-8") as handle:
            run_id = handle.read()
        for name in items:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                body = handle.read()
            try:
                _send(transport, run_id, name, body)
            except RegistryError as e:
                if e.transient:
                    return delivered
                if not _already_applied(name, e):
                    os.replace(path, path + ".rejected")
                    with open(path + ".rejected.error", "w", encoding="utf-8") as handle:
                        handle.write(str(e))
                    continue
            os.remove(path)
            delivered += 1
    return delivered


def send_report(transport: Transport, run_id: str, report: Dict[str, Any], attempts: int = 8) -> Dict[str, Any]:
    """Posts a batch report numbered as the run's next batch. Several workers report to one run at once (Spark
    executors), so a number another took (REG-1002, or REQ-1001 for a gap) is re-read from the run and retried."""
    path = "v1/runs/%s/reports" % escape(run_id)
    for attempt in range(attempts):
        body = dict(report)
        body["batch"] = next_batch(transport, run_id)
        try:
            return transport.json("POST", path, body)
        except RegistryError as e:
            if e.code not in (errors.ALREADY_EXISTS, errors.REQUEST_MALFORMED) or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def next_batch(transport: Transport, run_id: str) -> int:
    run = transport.json("GET", "v1/runs/%s" % escape(run_id))
    return int(run["counts"]["batches"]) + 1


def _send(transport: Transport, run_id: str, name: str, body: bytes) -> None:
    if name.endswith("-start.json"):
        transport.send("POST", "v1/runs", body, "application/json")
    elif name.endswith("-report.json"):
        send_report(transport, run_id, json.loads(body))
    elif name.endswith("-batch.ndjson"):
        transport.send("POST", "v1/runs/%s/batches" % escape(run_id), body, NDJSON)
    else:
        transport.send("POST", "v1/runs/%s/complete" % escape(run_id), body, "application/json")


def _already_applied(name: str, error: RegistryError) -> bool:
    # The earlier attempt reached the registry: the run exists, or it is already completed.
    return (name.endswith("-start.json") and error.code == errors.ALREADY_EXISTS) or (
        name.endswith("-complete.json") and error.code == errors.TRANSITION_NOT_ALLOWED)


def _items(folder: str) -> List[str]:
    if not os.path.isdir(folder):
        return []
    return sorted(name for name in os.listdir(folder)
                  if name[:6].isdigit() and (name.endswith(".json") or name.endswith(".ndjson")))


def _safe(run_id: str) -> str:
    return escape(run_id).replace(".", "%2E")
