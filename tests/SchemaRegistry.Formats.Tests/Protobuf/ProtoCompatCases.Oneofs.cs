using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Oneofs.</summary>
    private static ProtoCompatCase[] Oneofs =>
    [
        // nothing that could be set together before is exclusive now (Confluent diff 22)
        new(
            "single_field_into_new_oneof_full",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { string a = 1; oneof o { string b = 2; } }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.FieldMovedIntoOneof]),
        // one old field plus a new one form the oneof (Confluent diff 18)
        new(
            "single_field_into_new_oneof_with_new_member_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { string a = 1; oneof o { string b = 2; int32 c = 3; } }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.FieldMovedIntoOneof, ChangeKind.PropertyAdded]),
        // an old record with both set keeps one (Confluent diff 19)
        new(
            "two_fields_into_new_oneof_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; int32 c = 3; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.FieldsMovedIntoOneof, ChangeKind.PropertyAdded]),
        // a new record sets at most one, which old readers read as it is
        new(
            "two_fields_into_new_oneof_forward",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            CompatibilityMode.Forward,
            true,
            [ChangeKind.FieldsMovedIntoOneof]),
        // an old record may set a and the oneof's b together (Confluent diff 23)
        new(
            "field_into_existing_oneof_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; oneof o { string b = 2; string c = 3; } }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; string c = 3; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.FieldsMovedIntoOneof]),
        // renaming the oneof does not help (Confluent diff 24)
        new(
            "field_into_renamed_existing_oneof_backward",
            "syntax = 'proto3';\nmessage M { string a = 1; oneof o { string b = 2; string c = 3; } }",
            "syntax = 'proto3';\nmessage M { oneof p { string a = 1; string b = 2; string c = 3; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.FieldsMovedIntoOneof]),
        // oneof names are not on the wire
        new(
            "oneof_renamed_full",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { oneof p { string a = 1; string b = 2; } }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.OneofRenamed]),
        // old records never set it (Confluent diff 20)
        new(
            "field_added_to_oneof_backward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; int32 c = 3; } }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.OneofFieldAdded]),
        // a new record with c set reads under the old schema as an empty oneof
        new(
            "field_added_to_oneof_forward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; int32 c = 3; } }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.OneofFieldAdded]),
        // an old record with c set reads as an empty oneof (Confluent diff 21)
        new(
            "field_removed_from_oneof_backward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; int32 c = 3; } }",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.OneofFieldRemoved]),
        // old records set at most one of the now independent fields
        new(
            "oneof_removed_backward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.OneofRemoved]),
        // a new record may set both, which old readers read as only the last
        new(
            "oneof_removed_forward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { string a = 1; string b = 2; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.OneofRemoved]),
        // a leaves the oneof b stays in: new records may set both
        new(
            "field_moved_out_of_oneof_forward",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = 'proto3';\nmessage M { string a = 1; oneof o { string b = 2; } }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.FieldMovedOutOfOneof]),
        // a oneof of one field constrains nothing
        new(
            "single_member_oneof_dissolved_full",
            "syntax = 'proto3';\nmessage M { oneof o { string a = 1; } }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.OneofRemoved]),
    ];
}
