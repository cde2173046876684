using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Enums.</summary>
    private static ProtoCompatCase[] Enums =>
    [
        // old readers keep the unknown number (Confluent ENUM_CONST_ADDED)
        new(
            "enum_value_added_full",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; B = 1; }",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; B = 1; C = 2; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumValueAdded]),
        // the number still parses as an unknown value
        new(
            "enum_value_removed_full",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; B = 1; }",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumValueRemoved]),
        // enum value names are not on the wire (Confluent diff 17)
        new(
            "enum_value_renamed_full",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; B = 1; }",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; NOT_B = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumValueRenamed]),
        // an alias adds a name, not a number
        new(
            "enum_alias_added_full",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; B = 1; }",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { option allow_alias = true; A = 0; B = 1; BEE = 1; }",
            CompatibilityMode.Full,
            true,
            []),
        // an enum is never a record type
        new(
            "unused_enum_added_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }\nenum E { A = 0; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumAdded]),
        // an enum is never a record type
        new(
            "unused_enum_removed_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }\nenum E { A = 0; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumRemoved]),
        // the encoding is the same; only absent values read differently
        new(
            "proto2_default_changed_full",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1 [default = 1]; }",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1 [default = 2]; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.DefaultChanged]),
        // nested enums are compared too
        new(
            "nested_enum_value_added_full",
            "syntax = 'proto3';\nmessage M { S s = 1; enum S { X = 0; } }",
            "syntax = 'proto3';\nmessage M { S s = 1; enum S { X = 0; Y = 1; } }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.EnumValueAdded]),
    ];
}
