import os
import sys

import pytest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
sys.path.insert(0, os.path.dirname(__file__))

from server import Server  # noqa: E402

CUSTOMER = {
    "type": "object",
    "required": ["id", "country"],
    "properties": {"id": {"type": "string", "pattern": "^CUST-[0-9]{6}$"},
                   "country": {"$ref": "#/$defs/country"}},
    "$defs": {"country": {"type": "string", "pattern": "^[A-Z]{2}$"}},
}

INVOICE = {
    "type": "object",
    "required": ["invoice_id", "amount", "customer"],
    "properties": {
        "invoice_id": {"type": "string", "pattern": "^INV-[0-9]{8}$"},
        "amount": {"type": "number", "minimum": 0},
        "issued": {"type": "string", "format": "date"},
        "customer": {"$ref": "schemareg:finance.gdp.customer:v1.0"},
    },
}


def invoice(number: int, **changes):
    record = {"invoice_id": "INV-%08d" % number, "amount": 10.5 + number, "issued": "2025-10-07",
              "customer": {"id": "CUST-%06d" % number, "country": "DE"}}
    record.update(changes)
    return record


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A registry with finance.gdp.customer:v1.0 and finance.gdp.invoice:v1.0 (referencing it) published, the
    pipeline finance_gdp_transform declaring finance.gdp.invoice:latest, and a pipeline-runner key."""
    instance = Server(str(tmp_path_factory.mktemp("registry"))).start()
    try:
        instance.publish("finance.gdp.customer:v1.0", CUSTOMER)
        instance.publish("finance.gdp.invoice:v1.0", INVOICE)
        instance.call("POST", "/v1/pipelines", {"pipeline_id": "finance_gdp_transform", "layer": "gdp",
                                                "fqid": "finance.gdp.invoice:latest", "drift_policy": "quarantine"})
        instance.runner = instance.key("glue-runner", "pipeline-runner")
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def running(server):
    """The module's server, started again if a test stopped it."""
    if server.process is None:
        server.start()
    yield server
    if server.process is None:
        server.start()
