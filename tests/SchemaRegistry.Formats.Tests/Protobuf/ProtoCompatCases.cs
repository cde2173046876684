using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>
/// The Protobuf compatibility table, written from the language guide's "updating a message type" rules and
/// Confluent's protobuf compatibility rules (rows marked "Confluent diff N" mirror its diff examples; where we differ,
/// the comment says why). Each row: old, new, mode, whether the mode accepts the change, the change kinds expected.
/// </summary>
internal static class ProtoCompatCases
{
    public static readonly IReadOnlyList<ProtoCompatCase> All =
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
        // full names change: deserializers by type name and Any's type URLs break (Confluent diff 02)
        new(
            "package_changed_backward",
            "syntax = 'proto3';\npackage foo;\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\npackage bar;\nmessage M { int32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.PackageChanged]),
        // proto2 and proto3 encode alike; the optional field's presence is reported on its own
        new(
            "syntax_changed_full",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.SyntaxChanged, ChangeKind.PresenceChanged]),
        // a type written relative or fully qualified is the same type (Confluent diff 03/04)
        new(
            "qualification_changed_full",
            "syntax = 'proto3';\npackage foo;\nmessage M { S s = 1; message S { int32 x = 1; } }",
            "syntax = 'proto3';\npackage foo;\nmessage M { .foo.M.S s = 1; message S { int32 x = 1; } }",
            CompatibilityMode.Full,
            true,
            []),
        // nothing changed
        new(
            "comments_and_layout_only_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\n// a comment\nmessage M {\n  int32 a = 1; /* same */\n}",
            CompatibilityMode.Full,
            true,
            []),
        // services are not part of a record
        new(
            "service_added_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }\nservice S { rpc Get(M) returns (M); }",
            CompatibilityMode.Full,
            true,
            []),
        // NONE accepts every change
        new(
            "incompatible_change_under_none",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.None,
            true,
            [ChangeKind.TypeChanged]),
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
