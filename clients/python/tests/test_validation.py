import pytest

import schemareg
from schemareg import validation
from conftest import invoice

APIS = ["refresolver"] + (["referencing"] if validation.uses_referencing() else [])


@pytest.mark.parametrize("api", APIS)
def test_references_are_resolved_through_the_registry(running, api):
    resolver = schemareg.Resolver(running.url, running.runner)
    validator = schemareg.LocalValidator(resolver, "finance.gdp.invoice:v1.0", api=api)
    assert validator.api == api
    assert validator.is_valid(invoice(1))
    # customer.country is checked by the referenced schema's own #/$defs/country.
    issues = validator.issues(invoice(2, customer={"id": "CUST-000002", "country": "de"}))
    assert [(i.code, i.keyword, i.path) for i in issues] == [("PIPE-1002", "pattern", "/customer/country")]
    assert [i.keyword for i in validator.issues(invoice(3, amount=-1))] == ["minimum"]
    assert [i.keyword for i in validator.issues(invoice(4, issued="07/10/2025"))] == ["format"]


@pytest.mark.parametrize("api", APIS)
def test_undeclared_fields_are_drift(running, api):
    resolver = schemareg.Resolver(running.url, running.runner)
    validator = schemareg.LocalValidator(resolver, "finance.gdp.invoice:v1.0", api=api)
    drifted = invoice(5, invoice_region_code="EU")
    drifted["customer"]["segment"] = "smb"
    assert not validator.is_valid(drifted)
    assert sorted((i.code, i.path) for i in validator.issues(drifted)) == [
        ("PIPE-1204", "customer.segment"), ("PIPE-1204", "invoice_region_code")]
    validator.detect_drift = False
    assert validator.is_valid(drifted)


def test_a_reference_outside_the_closure_is_fetched_when_met(running):
    running.publish("finance.gdp.note:v1.0", {"type": "string", "maxLength": 5})
    running.publish("finance.gdp.memo:v1.0", {"type": "object",
                                              "properties": {"note": {"$ref": "schemareg:finance.gdp.note:v1.0"}}})
    resolver = schemareg.Resolver(running.url, running.runner)
    validator = schemareg.LocalValidator(resolver, "finance.gdp.memo:v1.0")
    assert validator.is_valid({"note": "short"})
    assert [i.keyword for i in validator.issues({"note": "far too long"})] == ["maxLength"]


@pytest.mark.parametrize("api", APIS)
def test_email_and_date_time_are_checked_as_the_registry_checks_them(running, api):
    fqid = "finance.gdp.contact_%s:v1.0" % api
    running.publish(fqid, {"type": "object", "properties": {
        "email": {"type": "string", "format": "email"}, "at": {"type": "string", "format": "date-time"},
        "on": {"type": "string", "format": "date"}}})
    resolver = schemareg.Resolver(running.url, running.runner)
    validator = schemareg.LocalValidator(resolver, fqid, api=api)
    for good in ("a.b@example.com", '"x y"@example.com', "a@[127.0.0.1]", "billing+nowak@kobayashi-trading.jp"):
        assert validator.is_valid({"email": good}), good
    # jsonschema's own email check only looks for an "@": each of these would pass it.
    for bad in ("a..x@example.com", "a@example.com; b@example.com", "billing@@example.com", "a@kobayashi_trading.jp",
                "a@example.com.", '"Ann" <ann@example.com>'):
        assert [i.keyword for i in validator.issues({"email": bad})] == ["format"], bad
    assert validator.is_valid({"at": "2025-10-07T10:00:00Z"})
    for bad in ("2025-10-07", "2025-02-30T10:00:00Z", "2025-10-07T25:00:00+01:00"):
        assert not validator.is_valid({"at": bad}), bad
    assert validator.is_valid({"on": "2025-10-07"})
    for bad in ("20251007", "2025-13-01", "2025-10-07T10:00:00Z"):
        assert not validator.is_valid({"on": bad}), bad
