using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Fields added and removed.</summary>
    private static ProtoCompatCase[] Fields =>
    [
        // a new reader sees the field absent in old records
        new(
            "optional_field_added_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.PropertyAdded]),
        // an old reader skips field 2 as unknown
        new(
            "optional_field_added_forward",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            CompatibilityMode.Forward,
            true,
            [ChangeKind.PropertyAdded]),
        // the value is skipped as unknown both ways and the number cannot return
        new(
            "field_removed_and_reserved_full",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { string a = 1; reserved 2; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.PropertyRemoved]),
        // the data stays readable both ways; only future reuse of the number is at risk
        new(
            "field_removed_unreserved_full",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.FieldRemovedUnreserved]),
        // old records lack the required field, which the new schema refuses
        new(
            "required_added_backward",
            "syntax = 'proto2';\nmessage M { optional string a = 1; }",
            "syntax = 'proto2';\nmessage M { optional string a = 1; required string b = 2; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.RequiredAdded]),
        // old readers skip the new required field as unknown
        new(
            "required_added_forward",
            "syntax = 'proto2';\nmessage M { optional string a = 1; }",
            "syntax = 'proto2';\nmessage M { optional string a = 1; required string b = 2; }",
            CompatibilityMode.Forward,
            true,
            [ChangeKind.RequiredAdded]),
        // new readers do not need the field old records carry
        new(
            "required_removed_backward",
            "syntax = 'proto2';\nmessage M { optional string a = 1; required string b = 2; }",
            "syntax = 'proto2';\nmessage M { optional string a = 1; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.RequiredRemoved]),
        // old readers refuse new records without the required field
        new(
            "required_removed_forward",
            "syntax = 'proto2';\nmessage M { optional string a = 1; required string b = 2; }",
            "syntax = 'proto2';\nmessage M { optional string a = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.RequiredRemoved]),
        // old records may lack it, which the new schema refuses
        new(
            "optional_becomes_required_backward",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            "syntax = 'proto2';\nmessage M { required int32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.RequiredAdded]),
        // new records may lack it, which old readers refuse
        new(
            "required_becomes_optional_forward",
            "syntax = 'proto2';\nmessage M { required int32 a = 1; }",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.RequiredRemoved]),
        // names are not in the binary encoding
        new(
            "field_renamed_full",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { string b = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.FieldRenamed]),
        // number 1 is gone (skipped) and number 2 is new (absent): no value is misread (Confluent diff 10)
        new(
            "field_number_changed_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 2; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.FieldRemovedUnreserved, ChangeKind.PropertyAdded]),
        // number 2 now holds an int32 where old records hold a string
        new(
            "number_reused_with_another_type_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { string a = 1; int32 c = 2; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.FieldRenamed, ChangeKind.TypeChanged]),
    ];
}
