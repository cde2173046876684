using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Labels.</summary>
    private static ProtoCompatCase[] Labels =>
    [
        // length-delimited either way: a singular reader keeps the last (Confluent diff 31)
        new(
            "string_becomes_repeated_full",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { repeated string a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.LabelChanged]),
        // a singular reader merges the elements (Confluent diff 30)
        new(
            "message_becomes_repeated_full",
            "syntax = 'proto3';\nmessage M { optional S a = 1; message S { int32 x = 1; } }",
            "syntax = 'proto3';\nmessage M { repeated S a = 1; message S { int32 x = 1; } }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.LabelChanged]),
        // a repeated reader accepts an unpacked single value (Confluent diff 33 refuses it in both directions)
        new(
            "int32_becomes_repeated_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { repeated int32 a = 1; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.LabelChanged]),
        // proto3 packs repeated numbers, which an old singular reader does not parse
        new(
            "int32_becomes_repeated_forward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { repeated int32 a = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.LabelChanged]),
        // unpacked elements are single varints the singular reader takes the last of
        new(
            "int32_becomes_repeated_unpacked_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { repeated int32 a = 1 [packed = false]; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.LabelChanged]),
        // proto2 does not pack by default
        new(
            "proto2_int32_becomes_repeated_full",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            "syntax = 'proto2';\nmessage M { repeated int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.LabelChanged]),
        // old packed records reach a singular reader
        new(
            "proto2_packed_repeated_becomes_optional_backward",
            "syntax = 'proto2';\nmessage M { repeated int32 a = 1 [packed = true]; }",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.LabelChanged]),
        // proto3 optional only adds presence tracking
        new(
            "implicit_becomes_explicit_presence_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { optional int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.PresenceChanged]),
    ];
}
