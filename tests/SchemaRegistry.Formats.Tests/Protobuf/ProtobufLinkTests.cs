using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.Tests.Protobuf;

public sealed class ProtobufLinkTests
{
    [Fact]
    public void Type_names_resolve_relative_nested_package_qualified_and_with_a_leading_dot()
    {
        var file = Proto.Parse("""
            syntax = "proto3";
            package a.b;
            message Outer {
              message Inner { int32 x = 1; }
              Inner relative = 1;
              Outer.Inner through_outer = 2;
              b.Outer.Inner partly_qualified = 3;
              a.b.Outer.Inner package_qualified = 4;
              .a.b.Outer.Inner fully_qualified = 5;
              message Deeper { Inner from_enclosing_scope = 1; }
            }
            """).File;
        Assert.All(file.Messages[0].Fields, field => Assert.Equal(".a.b.Outer.Inner", field.Type.Name));
        Assert.Equal(".a.b.Outer.Inner", file.Messages[0].Messages[1].Fields[0].Type.Name);
    }

    [Fact]
    public void The_innermost_scope_wins_over_an_outer_type_of_the_same_name()
    {
        var file = Proto.Parse("""
            syntax = "proto3";
            message Item { int32 x = 1; }
            message Order {
              message Item { string sku = 1; }
              Item item = 1;
            }
            """).File;
        Assert.Equal(".Order.Item", file.Messages[1].Fields[0].Type.Name);
    }

    [Fact]
    public void Imports_resolve_through_the_references_by_import_path()
    {
        var references = new Dictionary<string, string>
        {
            ["common/money.proto"] = "syntax = \"proto3\";\npackage common;\nimport public \"common/currency.proto\";\nmessage Money { int64 units = 1; Currency currency = 2; }",
            ["common/currency.proto"] = "syntax = \"proto3\";\npackage common;\nenum Currency { EUR = 0; USD = 1; }",
        };
        var schema = Proto.Parse("""
            syntax = "proto3";
            package shop;
            import "common/money.proto";
            message Order { common.Money total = 1; common.Currency currency = 2; }
            """, references);
        Assert.Equal(".common.Money", schema.File.Messages[0].Fields[0].Type.Name);
        Assert.Equal(".common.Currency", schema.File.Messages[0].Fields[1].Type.Name);
        Assert.Equal(["common/currency.proto", "common/money.proto"], schema.Imports.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_type_of_a_file_imported_only_indirectly_is_not_visible()
    {
        var references = new Dictionary<string, string>
        {
            ["a.proto"] = "syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { B b = 1; }",
            ["b.proto"] = "syntax = \"proto3\";\nmessage B { int32 x = 1; }",
        };
        var issue = Proto.Refuse("syntax = \"proto3\";\nimport \"a.proto\";\nmessage C { B b = 1; }", references);
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Contains("'B'", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("google/protobuf/timestamp.proto", "google.protobuf.Timestamp")]
    [InlineData("google/protobuf/duration.proto", "google.protobuf.Duration")]
    [InlineData("google/protobuf/any.proto", "google.protobuf.Any")]
    [InlineData("google/protobuf/struct.proto", "google.protobuf.Struct")]
    [InlineData("google/protobuf/struct.proto", "google.protobuf.Value")]
    [InlineData("google/protobuf/wrappers.proto", "google.protobuf.StringValue")]
    [InlineData("google/protobuf/wrappers.proto", "google.protobuf.Int64Value")]
    [InlineData("google/protobuf/empty.proto", "google.protobuf.Empty")]
    [InlineData("google/protobuf/field_mask.proto", "google.protobuf.FieldMask")]
    public void The_well_known_types_are_built_in(string import, string type)
    {
        var schema = Proto.Parse($"syntax = \"proto3\";\nimport \"{import}\";\nmessage A {{ {type} value = 1; }}");
        Assert.Equal("." + type, schema.File.Messages[0].Fields[0].Type.Name);
    }

    [Fact]
    public void A_reference_of_a_well_known_path_replaces_the_built_in_definition()
    {
        var references = new Dictionary<string, string>
        {
            ["google/protobuf/timestamp.proto"] = "syntax = \"proto3\";\npackage google.protobuf;\nmessage Timestamp { string iso = 1; }",
        };
        var schema = Proto.Parse("syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp at = 1; }", references);
        Assert.Equal("iso", schema.Imports["google/protobuf/timestamp.proto"].Messages[0].Fields[0].Name);
    }

    [Fact]
    public void An_import_that_resolves_nowhere_is_VAL_1304_naming_it()
    {
        var issue = Proto.Refuse("syntax = \"proto3\";\nimport \"missing/thing.proto\";\nmessage A { int32 a = 1; }");
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.Contains("\"missing/thing.proto\"", issue.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 2, column 1", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_is_VAL_1304_naming_it_and_its_position()
    {
        var issue = Proto.Refuse("syntax = \"proto3\";\nmessage A {\n  int32 a = 1;\n  Customer customer = 2;\n}");
        Assert.Equal(ErrorCode.ReferenceUnresolved, issue.Code);
        Assert.StartsWith("line 4, column 3", issue.Message, StringComparison.Ordinal);
        Assert.Contains("'Customer'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_cycle_is_refused_naming_the_cycle()
    {
        var references = new Dictionary<string, string>
        {
            ["a.proto"] = "syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { int32 x = 1; }",
            ["b.proto"] = "syntax = \"proto3\";\nimport \"a.proto\";\nmessage B { int32 x = 1; }",
        };
        var issue = Proto.Refuse("syntax = \"proto3\";\nimport \"a.proto\";\nmessage C { A a = 1; }", references);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains("import cycle: \"a.proto\" -> \"b.proto\" -> \"a.proto\"", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_an_import_names_the_import()
    {
        var references = new Dictionary<string, string> { ["a.proto"] = "syntax = \"proto3\";\nmessage A { int32 x = 1 }" };
        var issue = Proto.Refuse("syntax = \"proto3\";\nimport \"a.proto\";\nmessage C { A a = 1; }", references);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Equal("a.proto", issue.Path);
        Assert.StartsWith("in import \"a.proto\", line 2, column 25", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("message A { int32 a = 0; }", "outside 1 to 536870911")]
    [InlineData("message A { int32 a = 536870912; }", "outside 1 to 536870911")]
    [InlineData("message A { int32 a = 19500; }", "19000 to 19999 are reserved")]
    [InlineData("message A { int32 a = 1; string b = 1; }", "already used by field a")]
    [InlineData("message A { reserved 3; int32 a = 3; }", "which the message reserves")]
    [InlineData("message A { reserved 2 to 5; int32 a = 4; }", "which the message reserves")]
    [InlineData("message A { reserved \"a\"; int32 a = 1; }", "field name 'a' is reserved")]
    [InlineData("message A { int32 a = 1; string a = 2; }", "'a' is already defined in A")]
    [InlineData("message A { int32 a = 1; } message A { int32 b = 1; }", "'A' is defined twice")]
    [InlineData("message A { required int32 a = 1; }", "proto3 does not allow")]
    [InlineData("message A { int32 a = 1 [default = 3]; }", "proto3 does not allow")]
    [InlineData("enum E { A = 1; }", "proto3 requires it to be 0")]
    [InlineData("enum E { A = 0; B = 0; }", "set option allow_alias")]
    [InlineData("enum E { A = 0; } enum F { A = 0; }", "'A' is already defined")]
    [InlineData("enum E { }", "needs at least one")]
    [InlineData("message A { map<double, string> m = 1; }", "a map key is an integer, bool or string")]
    [InlineData("message A { string s = 1 [packed = true]; }", "applies only to repeated numeric")]
    [InlineData("message A { extensions 100 to 200; }", "proto3 does not allow")]
    [InlineData("service S { rpc M(E) returns (E); } enum E { X = 0; }", "must be a message")]
    public void Rule_violations_are_VAL_1102_with_a_reason(string body, string expected)
    {
        var issue = Proto.Refuse("syntax = \"proto3\";\n" + body);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proto3_message_cannot_use_a_proto2_enum()
    {
        var references = new Dictionary<string, string> { ["e.proto"] = "syntax = \"proto2\";\nenum E { A = 1; }" };
        var issue = Proto.Refuse("syntax = \"proto3\";\nimport \"e.proto\";\nmessage M { E e = 1; }", references);
        Assert.Contains("proto2 enum E", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_outside_the_extended_message_s_ranges_is_refused()
    {
        var issue = Proto.Refuse("syntax = \"proto2\";\nmessage A { extensions 100 to 199; }\nextend A { optional int32 x = 5; }");
        Assert.Contains("outside the extension ranges of A", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_messages_are_refused_at_the_depth_bound_without_exhausting_the_stack()
    {
        var text = "syntax = \"proto3\";\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"message M{i} {{ ")) + new string('}', 10_000);
        var issue = Proto.Refuse(text);
        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains("nesting deeper than 100 levels", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_nested_messages_are_accepted()
    {
        var text = "syntax = \"proto3\";\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"message M{i} {{ int32 f = 1; ")) + new string('}', 100);
        Assert.Single(Proto.Parse(text).File.Messages);
    }
}
