using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>Schema changes in their wire form, shared by the API and the CLI's offline diff.</summary>
public static class ChangeItems
{
    public static ChangeItem ToItem(SchemaChange change) =>
        new(WireNames.Of(change.Kind), change.Path, change.Old, change.New,
            change.Backward, change.Forward, change.Reason, change.Example);
}
