namespace SchemaRegistry.Core.Security;

/// <summary>
/// The authorization matrix, in one place. Pipeline runners read but can never publish or approve (the
/// seeds' IAM isolation); schema-admin holds every permission.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, HashSet<Permission>> Matrix = new()
    {
        [Role.SchemaAdmin] = [.. Enum.GetValues<Permission>()],
        [Role.OpsEngineer] = [Permission.Read, Permission.WriteDraft, Permission.Validate, Permission.Submit, Permission.ManagePipelines, Permission.ManageDrift, Permission.SyncMetadata, Permission.ReadAudit, Permission.AnnotateAudit, Permission.LookUpSchema],
        [Role.PipelineRunner] = [Permission.Read, Permission.RunPipelines, Permission.SyncMetadata, Permission.LookUpSchema],
        [Role.Reader] = [Permission.Read],
    };

    public static bool Allows(Role role, Permission permission) => Matrix[role].Contains(permission);

    public static IEnumerable<Role> RolesHolding(Permission permission) =>
        Matrix.Where(entry => entry.Value.Contains(permission)).Select(entry => entry.Key);
}
