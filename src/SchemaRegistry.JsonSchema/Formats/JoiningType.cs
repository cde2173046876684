namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>The Unicode Joining_Type values the ZERO WIDTH NON-JOINER rule of RFC 5892 appendix A.1 uses.</summary>
internal enum JoiningType
{
    NonJoining,
    LeftJoining,
    RightJoining,
    DualJoining,
    JoinCausing,
    Transparent,
}
