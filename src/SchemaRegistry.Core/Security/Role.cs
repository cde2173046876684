namespace SchemaRegistry.Core.Security;

/// <summary>The four roles of the seeds' IAM model; a key or token carries exactly one.</summary>
public enum Role
{
    SchemaAdmin,
    OpsEngineer,
    PipelineRunner,
    Reader,
}
