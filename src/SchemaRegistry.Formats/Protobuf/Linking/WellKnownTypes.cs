namespace SchemaRegistry.Formats.Protobuf.Linking;

/// <summary>
/// The well-known types every schema may import without a reference, written from the documented message shapes.
/// <c>descriptor.proto</c> holds only the option messages that custom options extend.
/// </summary>
internal static class WellKnownTypes
{
    private const string Header = "syntax = \"proto3\";\npackage google.protobuf;\n";

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["google/protobuf/any.proto"] = Header + "message Any { string type_url = 1; bytes value = 2; }\n",
        ["google/protobuf/duration.proto"] = Header + "message Duration { int64 seconds = 1; int32 nanos = 2; }\n",
        ["google/protobuf/empty.proto"] = Header + "message Empty {}\n",
        ["google/protobuf/field_mask.proto"] = Header + "message FieldMask { repeated string paths = 1; }\n",
        ["google/protobuf/timestamp.proto"] = Header + "message Timestamp { int64 seconds = 1; int32 nanos = 2; }\n",
        ["google/protobuf/struct.proto"] = Header + """
            message Struct { map<string, Value> fields = 1; }
            message Value {
              oneof kind {
                NullValue null_value = 1;
                double number_value = 2;
                string string_value = 3;
                bool bool_value = 4;
                Struct struct_value = 5;
                ListValue list_value = 6;
              }
            }
            enum NullValue { NULL_VALUE = 0; }
            message ListValue { repeated Value values = 1; }
            """,
        ["google/protobuf/wrappers.proto"] = Header + """
            message DoubleValue { double value = 1; }
            message FloatValue { float value = 1; }
            message Int64Value { int64 value = 1; }
            message UInt64Value { uint64 value = 1; }
            message Int32Value { int32 value = 1; }
            message UInt32Value { uint32 value = 1; }
            message BoolValue { bool value = 1; }
            message StringValue { string value = 1; }
            message BytesValue { bytes value = 1; }
            """,
        ["google/protobuf/descriptor.proto"] = """
            syntax = "proto2";
            package google.protobuf;
            message FileOptions { optional bool deprecated = 23; extensions 1000 to max; }
            message MessageOptions { optional bool deprecated = 3; optional bool map_entry = 7; extensions 1000 to max; }
            message FieldOptions { optional bool packed = 2; optional bool deprecated = 3; extensions 1000 to max; }
            message OneofOptions { extensions 1000 to max; }
            message EnumOptions { optional bool allow_alias = 2; optional bool deprecated = 3; extensions 1000 to max; }
            message EnumValueOptions { optional bool deprecated = 1; extensions 1000 to max; }
            message ServiceOptions { optional bool deprecated = 33; extensions 1000 to max; }
            message MethodOptions { optional bool deprecated = 33; extensions 1000 to max; }
            message ExtensionRangeOptions { extensions 1000 to max; }
            """,
    };
}
