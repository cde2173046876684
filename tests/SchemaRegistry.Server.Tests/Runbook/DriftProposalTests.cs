using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Runbook;

/// <summary>
/// <c>GET /v1/drift/{id}/proposal</c>: the seed's Example B without writing the schema by hand. The proposal extends
/// the newest published version with the drifted field, numbers it, and checks it; registered as proposed, it is
/// published and closes the case.
/// </summary>
public sealed class DriftProposalTests : IAsyncLifetime
{
    private const string Subject = InvoiceDrift.Subject;

    private RegistryServer _server = null!;
    private RegistryClient _admin = null!;
    private RegistryClient _approver = null!;
    private RegistryClient _runner = null!;
    private RegistryClient _reader = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        _admin = _server.Client();
        _approver = _server.Client(await _server.KeyAsync("governance", "schema-admin"));
        _runner = _server.Client(await _server.KeyAsync("glue", "pipeline-runner"));
        _reader = _server.Client(await _server.KeyAsync("analyst", "reader"));
        await InvoiceDrift.PublishV11AndPipelineAsync(_admin, _approver);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _approver.Dispose();
        _runner.Dispose();
        _reader.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<long> DriftAsync(string runId, params string[] lines) => InvoiceDrift.CaseOf(await InvoiceDrift.SendAsync(_runner, runId, lines));

    [Fact]
    public async Task The_proposal_adds_the_drifted_field_as_an_optional_string_as_the_next_minor_and_publishing_it_closes_the_case()
    {
        var caseId = await DriftAsync("jr-prop-1",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":7,"invoice_region_code":"US-E"}""");

        var proposal = await _reader.ProposeDriftVersionAsync(caseId);
        Assert.Equal((caseId, $"{Subject}:v1.1", $"{Subject}:v1.2"), (proposal.CaseId, proposal.Declared, proposal.Fqid));
        var field = Assert.Single(proposal.Fields);
        Assert.Equal(("invoice_region_code", "new_field", "string", true), (field.Path, field.Kind, field.Type, field.Placed));
        Assert.Equal("string", proposal.Payload.GetProperty("properties").GetProperty("invoice_region_code").GetProperty("type").GetString());
        Assert.Equal(["invoice_id", "amount"], proposal.Payload.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var report = proposal.Compatibility;
        Assert.Equal((true, "minor"), (report.Compatible, report.RequiredBump));
        Assert.Contains($"drift case {caseId}", report.Evidence ?? "", StringComparison.Ordinal);
        var change = Assert.Single(report.Changes);
        Assert.Equal(("property_added", "/properties/invoice_region_code"), (change.Kind, change.Path));

        // Registered as proposed, it goes through governance and its publication resolves the case.
        await _admin.RegisterAsync(Schemas.Draft(proposal.Fqid, proposal.Payload.GetRawText()));
        await _admin.ValidateAsync(proposal.Fqid);
        await _admin.SubmitAsync(proposal.Fqid);
        await _approver.ApproveAsync(proposal.Fqid);
        await _admin.PublishAsync(proposal.Fqid);
        Assert.Equal("resolved", (await _reader.GetDriftCaseAsync(caseId)).Status);

        var closed = await Assert.ThrowsAsync<RegistryApiException>(() => _reader.ProposeDriftVersionAsync(caseId));
        Assert.Equal("REG-1003", closed.Problem.Code);
    }

    [Fact]
    public async Task A_retyped_field_is_widened_and_the_proposal_is_numbered_as_the_next_major_when_it_needs_one()
    {
        // v1.2 exists as a draft already: the next minor would be v1.3, but widening a type under BACKWARD is
        // a minor only when FORWARD is not asked; FULL makes it a major, so the proposal is v2.0.
        await _admin.RegisterAsync(Schemas.Draft($"{Subject}:v1.2", InvoiceDrift.V11));
        await _admin.SetConfigAsync(Subject, "FULL");
        var caseId = await DriftAsync("jr-prop-2", """{"invoice_id":"INV-2","amount":"3.10"}""");

        var proposal = await _reader.ProposeDriftVersionAsync(caseId);
        var field = Assert.Single(proposal.Fields);
        Assert.Equal(("amount", "type_change", "number|string", "number"), (field.Path, field.Kind, field.Type, field.Declared));
        Assert.Equal(["number", "string"], proposal.Payload.GetProperty("properties").GetProperty("amount").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(($"{Subject}:v2.0", "major"), (proposal.Fqid, proposal.Compatibility.RequiredBump));
        Assert.Contains(proposal.Compatibility.Changes, c => c.Forward == false && c.Path.StartsWith("/properties/amount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_case_is_REG_1001_in_the_problem_body()
    {
        using var http = _server.Http();
        var response = await http.GetAsync("v1/drift/999/proposal");
        Assert.Equal(404, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("REG-1001", problem.RootElement.GetProperty("code").GetString());
    }
}
