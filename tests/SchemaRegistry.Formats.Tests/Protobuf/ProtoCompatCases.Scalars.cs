using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Scalar types.</summary>
    private static ProtoCompatCase[] Scalars =>
    [
        // both are varints: each side parses the other's bytes (Confluent diff 11)
        new(
            "int32_to_int64_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int64 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // bool is a varint too
        new(
            "uint64_to_bool_full",
            "syntax = 'proto3';\nmessage M { uint64 a = 1; }",
            "syntax = 'proto3';\nmessage M { bool a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // same varint encoding
        new(
            "uint32_to_int32_full",
            "syntax = 'proto3';\nmessage M { uint32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // both zig-zag varints
        new(
            "sint32_to_sint64_full",
            "syntax = 'proto3';\nmessage M { sint32 a = 1; }",
            "syntax = 'proto3';\nmessage M { sint64 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // both four fixed bytes
        new(
            "fixed32_to_sfixed32_full",
            "syntax = 'proto3';\nmessage M { fixed32 a = 1; }",
            "syntax = 'proto3';\nmessage M { sfixed32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // both eight fixed bytes
        new(
            "fixed64_to_sfixed64_full",
            "syntax = 'proto3';\nmessage M { fixed64 a = 1; }",
            "syntax = 'proto3';\nmessage M { sfixed64 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged]),
        // a plain varint read as zig-zag changes every value
        new(
            "int32_to_sint32_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { sint32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // varint and fixed32 are different wire types
        new(
            "int32_to_fixed32_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { fixed32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // a varint is not a 64-bit float
        new(
            "int64_to_double_backward",
            "syntax = 'proto3';\nmessage M { int64 a = 1; }",
            "syntax = 'proto3';\nmessage M { double a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // four fixed bytes are not eight
        new(
            "float_to_double_backward",
            "syntax = 'proto3';\nmessage M { float a = 1; }",
            "syntax = 'proto3';\nmessage M { double a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // a varint is not length-delimited (Confluent diff 26)
        new(
            "int32_to_string_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // every string is valid bytes (Confluent diff 12)
        new(
            "string_to_bytes_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.TypeWidened]),
        // new bytes that are not UTF-8 fail to parse as the old string (Confluent accepts it; the language guide allows it only for valid UTF-8)
        new(
            "string_to_bytes_forward",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.TypeWidened]),
        // old bytes that are not UTF-8 fail to parse as the new string
        new(
            "bytes_to_string_backward",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeNarrowed]),
        // every new string is valid bytes for old readers
        new(
            "bytes_to_string_forward",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.Forward,
            true,
            [ChangeKind.TypeNarrowed]),
        // an enum is an int32 varint (Confluent diff 13)
        new(
            "int32_to_enum_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { E a = 1; }\nenum E { X = 0; Y = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged, ChangeKind.EnumAdded]),
        // the enum's varint reads as int32 (Confluent diff 14)
        new(
            "enum_to_int32_full",
            "syntax = 'proto3';\nmessage M { E a = 1; }\nenum E { X = 0; Y = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.WireTypeChanged, ChangeKind.EnumRemoved]),
        // bool is not among the types an enum is read as
        new(
            "enum_to_bool_backward",
            "syntax = 'proto3';\nmessage M { E a = 1; }\nenum E { X = 0; }",
            "syntax = 'proto3';\nmessage M { bool a = 1; }\nenum E { X = 0; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
        // a varint is not length-delimited
        new(
            "enum_to_string_backward",
            "syntax = 'proto3';\nmessage M { E a = 1; }\nenum E { X = 0; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }\nenum E { X = 0; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged]),
    ];
}
