using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>Messages as field types.</summary>
    private static ProtoCompatCase[] Messages =>
    [
        // a varint is not an embedded message (Confluent diff 15)
        new(
            "int32_to_message_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { S a = 1; message S { string t = 1; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged, ChangeKind.MessageAdded]),
        // an embedded message is not a varint, and the message type is gone (Confluent diff 16)
        new(
            "message_to_int32_backward",
            "syntax = 'proto3';\nmessage M { S a = 1; message S { string t = 1; } }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged, ChangeKind.MessageRemoved]),
        // an embedded message is length-delimited bytes
        new(
            "message_to_bytes_backward",
            "syntax = 'proto3';\nmessage M { S a = 1; }\nmessage S { string t = 1; }",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }\nmessage S { string t = 1; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.TypeWidened]),
        // arbitrary new bytes need not parse as the old message
        new(
            "message_to_bytes_forward",
            "syntax = 'proto3';\nmessage M { S a = 1; }\nmessage S { string t = 1; }",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }\nmessage S { string t = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.TypeWidened]),
        // old bytes need not parse as the new message
        new(
            "bytes_to_message_backward",
            "syntax = 'proto3';\nmessage M { bytes a = 1; }\nmessage S { string t = 1; }",
            "syntax = 'proto3';\nmessage M { S a = 1; }\nmessage S { string t = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeNarrowed]),
        // a rename is not on the wire; the shapes are compared instead
        new(
            "nested_message_renamed_full",
            "syntax = 'proto3';\nmessage M { C c = 1; message C { string n = 1; } }",
            "syntax = 'proto3';\nmessage M { K c = 1; message K { string n = 1; } }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.TypeRenamed]),
        // the rename is fine but field n changed encoding inside it
        new(
            "renamed_message_with_changed_field_backward",
            "syntax = 'proto3';\nmessage M { C c = 1; message C { string n = 1; } }",
            "syntax = 'proto3';\nmessage M { K c = 1; message K { int32 n = 1; } }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeRenamed, ChangeKind.TypeChanged]),
        // renaming a message that is not the record type keeps the data (Confluent diff 27 refuses it; we follow the wire)
        new(
            "top_level_referenced_message_renamed_full",
            "syntax = 'proto3';\nmessage M { S2 a = 1; }\nmessage S2 { string s = 1; }",
            "syntax = 'proto3';\nmessage M { S3 a = 1; }\nmessage S3 { string s = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.TypeRenamed]),
        // enum names are not on the wire
        new(
            "enum_renamed_full",
            "syntax = 'proto3';\nmessage M { E e = 1; }\nenum E { A = 0; }",
            "syntax = 'proto3';\nmessage M { F e = 1; }\nenum F { A = 0; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.TypeRenamed]),
        // Timestamp and Duration are both seconds = 1, nanos = 2
        new(
            "imported_message_renamed_with_same_shape_full",
            "syntax = 'proto3';\nimport 'google/protobuf/timestamp.proto';\nmessage M { google.protobuf.Timestamp t = 1; }",
            "syntax = 'proto3';\nimport 'google/protobuf/duration.proto';\nmessage M { google.protobuf.Duration t = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.TypeRenamed]),
        // the first message is looked up by name, as Confluent does: old records have no type to be read as
        new(
            "record_type_renamed_backward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            "syntax = 'proto3';\nmessage B { int32 x = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.MessageRemoved, ChangeKind.MessageAdded]),
        // new records of type B have no type under the old schema
        new(
            "record_type_renamed_forward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            "syntax = 'proto3';\nmessage B { int32 x = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.MessageRemoved, ChangeKind.MessageAdded]),
        // the new schema still reads every old record type (Confluent diff 34)
        new(
            "message_added_backward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.MessageAdded]),
        // the new schema may write records of type B, which old readers cannot decode
        new(
            "message_added_forward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.MessageAdded]),
        // old records of type B have no type under the new schema
        new(
            "message_removed_backward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.MessageRemoved]),
        // the new schema writes only types the old one knows
        new(
            "message_removed_forward",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }",
            CompatibilityMode.Forward,
            true,
            [ChangeKind.MessageRemoved]),
        // message indexes are read against the writer's schema (Confluent diff 36)
        new(
            "messages_reordered_full",
            "syntax = 'proto3';\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }",
            "syntax = 'proto3';\nmessage B { int32 y = 1; }\nmessage A { int32 x = 1; }",
            CompatibilityMode.Full,
            true,
            []),
        // nested messages are compared too (Confluent diff 07)
        new(
            "nested_field_added_backward",
            "syntax = 'proto3';\nmessage W { int32 i = 1; message T { string s = 1; } }",
            "syntax = 'proto3';\nmessage W { int32 i = 1; message T { string s = 1; string s2 = 2; } }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.PropertyAdded]),
        // a change in a referenced file reaches the records of this one
        new(
            "imported_message_field_type_changed_backward",
            "syntax = 'proto3';\nimport 'money.proto';\nmessage M { Money m = 1; }",
            "syntax = 'proto3';\nimport 'money.proto';\nmessage M { Money m = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.TypeChanged],
            new Dictionary<string, string> { ["money.proto"] = "syntax = 'proto3';\nmessage Money { int64 units = 1; }" },
            new Dictionary<string, string> { ["money.proto"] = "syntax = 'proto3';\nmessage Money { string units = 1; }" }),
        // a new nested message is a new record type (message index [0, 0]) old readers cannot decode, as Confluent counts it
        new(
            "field_with_new_nested_message_forward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; Address b = 2; message Address { string city = 1; } }",
            CompatibilityMode.Forward,
            false,
            [ChangeKind.PropertyAdded, ChangeKind.MessageAdded]),
        // old records have no field b and every old record type is still there
        new(
            "field_with_new_nested_message_backward",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; Address b = 2; message Address { string city = 1; } }",
            CompatibilityMode.Backward,
            true,
            [ChangeKind.PropertyAdded, ChangeKind.MessageAdded]),
    ];
}
