using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.Tests.Protobuf;

public sealed class ProtobufParserTests
{
    [Fact]
    public void A_proto3_file_keeps_syntax_package_imports_and_options()
    {
        var schema = Proto.Parse("""
            // leading comment
            syntax = "proto3";
            package shop.orders.v1;
            import "google/protobuf/timestamp.proto";
            import public "google/protobuf/duration.proto";
            import weak "google/protobuf/empty.proto";
            option java_package = "com.shop"; /* block */
            option optimize_for = SPEED;
            message Order { google.protobuf.Timestamp at = 1; }
            """);
        var file = schema.File;
        Assert.Equal("proto3", file.Syntax);
        Assert.Equal("shop.orders.v1", file.Package);
        Assert.Equal([ProtoImportKind.Default, ProtoImportKind.Public, ProtoImportKind.Weak], file.Imports.Select(import => import.Kind));
        Assert.Equal("com.shop", file.Options.Single(option => option.Name == "java_package").Value.Text);
        Assert.Equal(ProtoConstantKind.Identifier, file.Options.Single(option => option.Name == "optimize_for").Value.Kind);
        Assert.Equal(".google.protobuf.Timestamp", file.Messages[0].Fields[0].Type.Name);
    }

    [Fact]
    public void A_file_without_syntax_is_proto2()
    {
        Assert.Equal("proto2", Proto.Parse("message A { optional int32 a = 1; }").File.Syntax);
    }

    [Fact]
    public void Proto2_labels_defaults_and_field_options_are_kept()
    {
        var message = Proto.Parse("""
            syntax = "proto2";
            message Item {
              required string sku = 1 [json_name = "SKU", deprecated = true];
              optional int32 count = 2 [default = -5];
              repeated int32 sizes = 3 [packed = true];
              optional double ratio = 4 [default = 1.5e3];
              optional string note = 5 [default = "a\tb\x41\101\u00e9"];
            }
            """).File.Messages[0];
        Assert.Equal([ProtoLabel.Required, ProtoLabel.Optional, ProtoLabel.Repeated, ProtoLabel.Optional, ProtoLabel.Optional], message.Fields.Select(field => field.Label));
        Assert.Equal("SKU", message.Fields[0].Option("json_name")!.Value.Text);
        Assert.Equal("-5", message.Fields[1].Option("default")!.Value.Text);
        Assert.Equal("true", message.Fields[2].Option("packed")!.Value.Text);
        Assert.Equal("1500", message.Fields[3].Option("default")!.Value.Text);
        Assert.Equal("a\\tbAA\\303\\251", message.Fields[4].Option("default")!.Value.Text);
    }

    [Fact]
    public void Nested_messages_enums_maps_and_oneofs_are_kept_in_declaration_order()
    {
        var order = Proto.Parse("""
            syntax = "proto3";
            message Order {
              message Item { string sku = 1; }
              enum Status { option allow_alias = true; UNKNOWN = 0; NEW = 1; FRESH = 1 [deprecated = true]; }
              repeated Item items = 1;
              map<string, Item> by_sku = 2;
              Status status = 3;
              oneof payment { string card = 4; string iban = 5; }
              optional string note = 6;
            }
            """).File.Messages[0];
        Assert.Equal("Item", order.Messages[0].Name);
        Assert.True(order.Enums[0].AllowsAlias);
        Assert.Equal(3, order.Enums[0].Values.Count);
        Assert.Equal(".Order.Item", order.Fields[0].Type.Name);
        Assert.Equal("string", order.Fields[1].MapKey!.Name);
        Assert.Equal(".Order.Item", order.Fields[1].Type.Name);
        Assert.Equal(ProtoTypeKind.Enum, order.Fields[2].Type.Kind);
        Assert.Equal(["payment", "payment"], order.Fields.Where(field => field.Oneof is not null).Select(field => field.Oneof));
        Assert.Equal(ProtoLabel.Optional, order.Fields[5].Label);
    }

    [Fact]
    public void Reserved_numbers_ranges_and_names_and_extension_ranges_are_kept()
    {
        var message = Proto.Parse("""
            syntax = "proto2";
            message A {
              reserved 2, 15, 9 to 11, 40 to max;
              reserved "foo", "bar";
              extensions 100 to 199;
              optional int32 a = 1;
            }
            extend A { optional string tag = 100; }
            """).File;
        Assert.Equal([new ProtoRange(2, 2), new ProtoRange(15, 15), new ProtoRange(9, 11), new ProtoRange(40, (1 << 29) - 1)], message.Messages[0].ReservedRanges);
        Assert.Equal(["foo", "bar"], message.Messages[0].ReservedNames);
        Assert.Equal([new ProtoRange(100, 199)], message.Messages[0].ExtensionRanges);
        Assert.Equal(".A", message.Extends[0].Extendee.Name);
        Assert.Equal(100, message.Extends[0].Fields[0].Number);
    }

    [Fact]
    public void Services_with_streams_and_options_and_custom_options_are_kept()
    {
        var file = Proto.Parse("""
            syntax = "proto3";
            import "google/protobuf/descriptor.proto";
            extend google.protobuf.FieldOptions { string unit = 50001; }
            message Req { int32 grams = 1 [(unit) = "g"]; }
            message Res { option (my_opt).deep = { a: 1 b { c: "x" } }; }
            service Shop {
              option deprecated = true;
              rpc Get(Req) returns (Res);
              rpc Watch(stream Req) returns (stream Res) { option deprecated = true; }
            }
            """).File;
        var service = file.Services.Single();
        Assert.Equal(["Get", "Watch"], service.Methods.Select(method => method.Name));
        Assert.True(service.Methods[1].InputStreams && service.Methods[1].OutputStreams);
        Assert.Equal(".Res", service.Methods[0].Output.Name);
        Assert.Equal("(unit)", file.Messages[0].Fields[0].Options[0].Name);
        Assert.Equal("{ a : 1 b { c : \"x\" } }", file.Messages[1].Options[0].Value.Text);
        Assert.Equal("(my_opt).deep", file.Messages[1].Options[0].Name);
    }

    [Fact]
    public void Numbers_in_hex_and_octal_and_adjacent_strings_are_read()
    {
        var file = Proto.Parse("""
            syntax = "proto2";
            option java_package = "com." 'shop';
            enum E { A = 0x10; B = 010; C = -3; }
            """).File;
        Assert.Equal("com.shop", file.Options[0].Value.Text);
        Assert.Equal([16L, 8L, -3L], file.Enums[0].Values.Select(value => value.Number));
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 a = 1;\n", 4, 1, "expected '}' to close message A")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 a = 1\n}", 4, 1, "expected ';' after field a")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 = 1;\n}", 3, 9, "expected the field's name")]
    [InlineData("syntax = \"proto4\";", 1, 10, "unknown syntax")]
    [InlineData("syntax = \"proto2\";\nmessage A { int32 a = 1; }", 2, 13, "expected a label")]
    [InlineData("syntax = \"proto3\";\nmessage A { string s = 1 [default = \"x]; }", 2, 37, "unclosed string")]
    [InlineData("syntax = \"proto3\";\n/* never closed\nmessage A {}", 2, 1, "unclosed block comment")]
    [InlineData("syntax = \"proto3\";\nmessage A { oneof o { repeated int32 a = 1; } }", 2, 23, "a oneof member takes no label")]
    [InlineData("syntax = \"proto3\";\npackage a;\npackage b;", 3, 1, "at most one package")]
    [InlineData("edition = \"2023\";", 1, 1, "editions are not supported")]
    [InlineData("syntax = \"proto2\";\nmessage A { optional group G = 1 { } }", 2, 22, "group fields are not supported")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 a = 1 @ }", 2, 25, "unexpected character '@'")]
    [InlineData("syntax = \"proto3\";\nmessage A { string s = 1 [(x) = \"\\q\"]; }", 2, 35, "invalid escape")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 a = 99999999999999999999999; }", 2, 23, "out of range")]
    [InlineData("syntax = \"proto3\";\noption x = 1.2.3;", 2, 12, "'1.2.3' is not a number")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 a = 1x; }", 2, 24, "expected a separator after the number")]
    public void Syntax_errors_name_the_line_and_column_and_what_was_expected(string text, int line, int column, string expected)
    {
        var issue = Proto.Refuse(text);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.StartsWith($"line {line}, column {column}: ", issue.Message, StringComparison.Ordinal);
        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
    }
}
