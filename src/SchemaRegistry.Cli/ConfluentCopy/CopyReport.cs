namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>What happened to one version: imported, already present (same id and schema), conflicting, or (dry run) would be imported.</summary>
internal sealed record VersionOutcome(string Subject, int Version, long Id, string Outcome, string? Reason = null)
{
    public const string Imported = "imported";
    public const string AlreadyPresent = "already present";
    public const string Conflicting = "conflicting";
    public const string WouldImport = "would import";
}

/// <summary>A compatibility level or mode: where, which, the value copied, and what was done ("set", "already present", "not copied …").</summary>
internal sealed record SettingOutcome(string Scope, string Setting, string? Value, string Outcome);

/// <summary>The final report of <c>import confluent</c> and <c>export confluent</c> (<c>-o json</c> prints it as is).</summary>
internal sealed record CopyReport(
    string Source,
    string Target,
    bool DryRun,
    string? Subjects,
    int SubjectCount,
    int Imported,
    int AlreadyPresent,
    int Conflicting,
    int SoftDeletedNotCopied,
    IReadOnlyList<long> Ids,
    IReadOnlyList<SettingOutcome> Settings,
    IReadOnlyList<VersionOutcome> Versions);
