using System.Text.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Proposes the next version for a drift case: the subject's newest published version extended to accept the
/// drifted fields (<see cref="DriftExtension"/>), numbered as the next minor of its major, or the next major when
/// the compatibility check says its changes need one. Nothing is registered.
/// </summary>
internal sealed class DriftProposalService(IRegistryStorage storage, CompatibilityService compatibility)
{
    public async Task<DriftProposalResponse> ProposeAsync(long id, CancellationToken cancellationToken)
    {
        var driftCase = await storage.Pipelines.GetDriftCaseAsync(id, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Drift case {id}"));
        if (driftCase.Status == DriftCaseStatus.Resolved)
        {
            throw new RegistryException(RegistryError.Transition($"Drift case {id} is resolved ({driftCase.Resolution}): there is no next version to propose."));
        }
        var versions = await storage.Schemas.ListVersionsAsync(driftCase.Subject, cancellationToken);
        var declared = versions.Where(v => v.State == SchemaState.Published).MaxBy(v => v.Fqid.Version)
            ?? throw new RegistryException(RegistryError.Transition($"{driftCase.Subject} has no published version to extend."));
        if (declared.Definition.Format != SchemaDefinition.JsonSchemaFormat)
        {
            throw new RegistryException(RegistryError.Transition(
                $"{declared.Fqid} is {declared.Definition.Format}: a next version is proposed only for JSON Schema subjects."));
        }
        var extension = DriftExtension.Extend(declared.Definition.Payload, driftCase.Fields);
        using var candidate = JsonDocument.Parse(extension.Payload);
        var major = declared.Fqid.Version.Major;
        var nextMinor = new Fqid(driftCase.Subject, new SchemaVersion(major, versions.Where(v => v.Fqid.Version.Major == major).Max(v => v.Fqid.Version.Minor) + 1));
        var fqid = nextMinor;
        var report = await compatibility.ReportAsync(new CompatibilityRequest(fqid.ToString(), candidate.RootElement), cancellationToken);
        if (!report.Compatible && report.RequiredBump == "major")
        {
            fqid = new Fqid(driftCase.Subject, new SchemaVersion(versions.Max(v => v.Fqid.Version.Major) + 1, 0));
            var asMajor = await compatibility.ReportAsync(new CompatibilityRequest(fqid.ToString(), candidate.RootElement), cancellationToken);
            // The first version of a new major is compared with nothing (unless transitive): keep the minor's changes
            // so the verdicts stay visible next to the bump they force.
            report = asMajor with { RequiredBump = "major", Changes = asMajor.Changes.Count > 0 ? asMajor.Changes : report.Changes };
        }
        var fields = extension.Fields.Select(f => new DriftProposalField(f.Path, WireNames.Of(f.Kind), f.Type, f.Placed, f.Note) { Declared = f.Declared }).ToList();
        return new DriftProposalResponse(driftCase.Id, driftCase.Subject.ToString(), declared.Fqid.ToString(), fqid.ToString(),
            candidate.RootElement.Clone(), fields, report);
    }
}
