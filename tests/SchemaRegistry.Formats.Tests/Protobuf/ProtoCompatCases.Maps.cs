using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Maps.</summary>
    private static ProtoCompatCase[] Maps =>
    [
        // int32 values read as strings (Confluent diff 28)
        new(
            "map_value_type_changed_backward",
            "syntax = 'proto3';\nmessage M { map<string, int32> m = 2; }",
            "syntax = 'proto3';\nmessage M { map<string, string> m2 = 2; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.FieldRenamed, ChangeKind.TypeChanged]),
        // int32 and int64 values share the varint encoding
        new(
            "map_value_widened_in_group_full",
            "syntax = 'proto3';\nmessage M { map<string, int32> m = 1; }",
            "syntax = 'proto3';\nmessage M { map<string, int64> m = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // string keys do not read as int32 keys
        new(
            "map_key_type_changed_backward",
            "syntax = 'proto3';\nmessage M { map<string, int32> m = 1; }",
            "syntax = 'proto3';\nmessage M { map<int32, int32> m = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // a map is a repeated message with key = 1 and value = 2
        new(
            "map_to_repeated_entry_full",
            "syntax = 'proto3';\nmessage M { map<string, S> m = 1; }\nmessage S { int32 x = 1; }",
            "syntax = 'proto3';\nmessage M { repeated Entry m = 1; message Entry { string key = 1; S value = 2; } }\nmessage S { int32 x = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.MapRepeatedEquivalent]),
        // the reverse holds for the same reason
        new(
            "repeated_entry_to_map_full",
            "syntax = 'proto3';\nmessage M { repeated Entry m = 1; message Entry { string key = 1; int64 value = 2; } }",
            "syntax = 'proto3';\nmessage M { map<string, int64> m = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.MapRepeatedEquivalent]),
        // a message without key = 1 and value = 2 is not a map entry
        new(
            "map_to_repeated_non_entry_backward",
            "syntax = 'proto3';\nmessage M { map<string, int32> m = 1; }",
            "syntax = 'proto3';\nmessage M { repeated Pair m = 1; message Pair { string k = 1; int32 v = 3; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged, ChangeKind.MessageAdded]),
    ];
}
