using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// Soft and permanent deletes. Published content is immutable here, so a soft delete deprecates our version (audited,
/// with its SchemaDeprecated event) and hides it from Confluent clients; a permanent delete hides it for good and its
/// number is never given again. Either is written with its ConfluentVersionsDeleted event. Global ids stay: messages
/// already written with them must stay readable.
/// </summary>
internal sealed class ConfluentDeletes(IRegistryStorage storage, SubjectNames names, ConfluentCatalog catalog, ConfluentSettings settings, SchemaService schemas,
    Layers layers, LookUpCache lookUps, TimeProvider time)
{
    public async Task<int> DeleteVersionAsync(string name, string versionText, bool permanent, Principal actor, CancellationToken cancellationToken)
    {
        var subject = await names.RequireAsync(name, cancellationToken);
        await settings.RequireWritableAsync(subject, name, cancellationToken);
        var versions = await catalog.VersionsAsync(subject, cancellationToken);
        if (!versions.Any(v => v.Deleted != ConfluentVersion.PermanentlyDeleted))
        {
            throw ConfluentErrors.SubjectMissing(name);
        }
        if (!permanent)
        {
            if (versionText is not ("latest" or "-1") && versions.FirstOrDefault(v => v.Version == ConfluentCatalog.ParseVersion(versionText)) is { Deleted: ConfluentVersion.SoftDeleted })
            {
                throw new ConfluentException(404, ConfluentErrors.VersionSoftDeleted, $"Version {versionText} of subject '{SubjectName.Printable(name)}' was soft deleted; delete it with permanent=true.");
            }
            var version = ConfluentCatalog.Pick(versions, name, versionText, includeDeleted: false);
            await RefuseReferencedAsync(name, version, cancellationToken);
            await DeprecateAsync(version, actor, cancellationToken);
            await MarkAsync(subject, name, [version], permanent: false, actor, cancellationToken);
            return version.Version;
        }
        var target = versionText is "latest" or "-1"
            ? versions.LastOrDefault(v => v.Deleted != ConfluentVersion.PermanentlyDeleted)
            : versions.FirstOrDefault(v => v.Version == ConfluentCatalog.ParseVersion(versionText) && v.Deleted != ConfluentVersion.PermanentlyDeleted);
        if (target is null)
        {
            throw ConfluentErrors.VersionMissing(name, versionText);
        }
        if (target.Deleted == ConfluentVersion.Live)
        {
            throw new ConfluentException(404, ConfluentErrors.VersionNotSoftDeleted,
                $"Version {target.Version} of subject '{SubjectName.Printable(name)}' must be soft deleted first.");
        }
        await MarkAsync(subject, name, [target], permanent: true, actor, cancellationToken);
        return target.Version;
    }

    public async Task<IReadOnlyList<int>> DeleteSubjectAsync(string name, bool permanent, Principal actor, CancellationToken cancellationToken)
    {
        var subject = await names.RequireAsync(name, cancellationToken);
        await settings.RequireWritableAsync(subject, name, cancellationToken);
        var versions = await catalog.VersionsAsync(subject, cancellationToken);
        var live = versions.Where(v => v.Deleted == ConfluentVersion.Live).ToList();
        var soft = versions.Where(v => v.Deleted == ConfluentVersion.SoftDeleted).ToList();
        if (live.Count == 0 && soft.Count == 0)
        {
            throw ConfluentErrors.SubjectMissing(name);
        }
        if (!permanent)
        {
            if (live.Count == 0)
            {
                throw new ConfluentException(404, ConfluentErrors.SubjectSoftDeleted, $"Subject '{SubjectName.Printable(name)}' was soft deleted; delete it with permanent=true.");
            }
            foreach (var version in live)
            {
                await RefuseReferencedAsync(name, version, cancellationToken);
            }
            foreach (var version in live)
            {
                await DeprecateAsync(version, actor, cancellationToken);
            }
            await MarkAsync(subject, name, live, permanent: false, actor, cancellationToken);
            return live.Select(v => v.Version).ToList();
        }
        if (live.Count > 0)
        {
            throw new ConfluentException(404, ConfluentErrors.SubjectNotSoftDeleted, $"Subject '{SubjectName.Printable(name)}' must be soft deleted first.");
        }
        await MarkAsync(subject, name, soft, permanent: true, actor, cancellationToken);
        return soft.Select(v => v.Version).ToList();
    }

    /// <summary>
    /// Marks the versions with their <c>ConfluentVersionsDeleted</c> event in one transaction: the event moves other
    /// replicas' caches (through the event stream) and tells subscribers; this replica's move at once.
    /// </summary>
    private async Task MarkAsync(SubjectName subject, string name, IReadOnlyList<ConfluentVersion> versions, bool permanent, Principal actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await storage.Confluent.SetDeletedAsync(subject.ToString(), versions.Select(v => v.Version).ToList(),
            permanent ? ConfluentVersion.PermanentlyDeleted : ConfluentVersion.SoftDeleted,
            [EventFactory.ConfluentVersionsDeleted(subject, name, versions, permanent, actor, now)], cancellationToken);
        lookUps.Invalidate(subject.ToString());
    }

    /// <summary>42206: another live schema references this version.</summary>
    private async Task RefuseReferencedAsync(string name, ConfluentVersion version, CancellationToken cancellationToken)
    {
        if ((await ReferencingIdsAsync(name, version.Version, cancellationToken)).Count > 0)
        {
            throw new ConfluentException(422, ConfluentErrors.ReferenceExists,
                $"One or more references exist to version {version.Version} of subject '{SubjectName.Printable(name)}'.");
        }
    }

    /// <summary>Ids of schemas with a live version that reference <paramref name="name"/>'s version <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<long>> ReferencingIdsAsync(string name, int version, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var schema in await storage.Confluent.SchemasWithReferencesAsync(cancellationToken))
        {
            if (SchemaFingerprint.ParseReferences(schema.References).Any(r => r.Subject == name && r.Version == version)
                && (await storage.Confluent.VersionsOfSchemaAsync(schema.Id, cancellationToken)).Any(v => v.Deleted == ConfluentVersion.Live))
            {
                ids.Add(schema.Id);
            }
        }
        return ids;
    }

    private async Task DeprecateAsync(ConfluentVersion version, Principal actor, CancellationToken cancellationToken)
    {
        if (Fqid.TryParse(version.Fqid, layers, out var fqid, out _) && (await storage.Schemas.GetAsync(fqid, cancellationToken))?.State == SchemaState.Published)
        {
            await schemas.ActAsync(SchemaAction.Deprecate, new LifecycleRequest(version.Fqid, "Deleted through the Confluent API."), actor, cancellationToken);
        }
    }
}
