namespace SchemaRegistry.Formats.Tests.Protobuf;

public sealed class ProtobufNormaliseTests
{
    private static string Normal(string text, IReadOnlyDictionary<string, string>? references = null) => Proto.Format.Normalise(Proto.Parse(text, references));

    [Fact]
    public void The_canonical_text_is_fully_qualified_sorted_and_free_of_comments()
    {
        var text = """
            // An order.
            syntax = "proto3";
            package shop;
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/any.proto";
            option optimize_for = SPEED;
            option java_package = 'com.shop';
            message Order {
              oneof payment { string iban = 7; string card = 6; }
              google.protobuf.Timestamp at = 3;   /* when */
              repeated int32 sizes = 2 [packed = false, deprecated = true];
              string id = 1;
              reserved 10 to 12, 4;
              reserved "legacy";
              message Item { string sku = 1; }
              enum Status { NEW = 0; DONE = 1; }
              map<string, Item> by_sku = 5;
            }
            enum Zeta { Z = 0; }
            enum Alpha { A = 0; }
            service Shop { rpc Put(Order) returns (Order); }
            """;
        Assert.Equal("""
            syntax = "proto3";
            package shop;
            import "google/protobuf/any.proto";
            import "google/protobuf/timestamp.proto";
            option java_package = "com.shop";
            option optimize_for = SPEED;
            message Order {
              string id = 1;
              repeated int32 sizes = 2 [deprecated = true, packed = false];
              .google.protobuf.Timestamp at = 3;
              map<string, .shop.Order.Item> by_sku = 5;
              oneof payment {
                string card = 6;
                string iban = 7;
              }
              reserved 4, 10 to 12;
              reserved "legacy";
              message Item {
                string sku = 1;
              }
              enum Status {
                NEW = 0;
                DONE = 1;
              }
            }
            enum Alpha {
              A = 0;
            }
            enum Zeta {
              Z = 0;
            }
            service Shop {
              rpc Put(.shop.Order) returns (.shop.Order);
            }

            """, Normal(text));
    }

    [Fact]
    public void Schemas_that_differ_only_in_layout_qualification_and_order_have_one_canonical_text()
    {
        var first = Normal("""
            syntax = "proto3";
            package p;
            message A { B b = 2; int32 x = 1 [deprecated = true, json_name = "X"]; }
            message B { string s = 1; }
            """);
        var second = Normal("""
            syntax="proto3";package p;
            // reordered fields, qualified names, other option order
            message A {
                int32 x = 1 [ json_name = "X" , deprecated = true ] ;
                .p.B b = 2;
            }
            message B {
              string s = 1;
            }
            """);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Message_order_is_kept_because_message_indexes_count_it()
    {
        Assert.NotEqual(
            Normal("syntax = \"proto3\";\nmessage A { int32 a = 1; }\nmessage B { int32 b = 1; }"),
            Normal("syntax = \"proto3\";\nmessage B { int32 b = 1; }\nmessage A { int32 a = 1; }"));
    }

    [Fact]
    public void A_missing_syntax_is_written_as_proto2_and_strings_are_escaped_canonically()
    {
        var text = Normal("message A { optional string s = 1 [default = 'it\\'s \\x41\\n\\303\\251']; }");
        Assert.StartsWith("syntax = \"proto2\";\n", text, StringComparison.Ordinal);
        Assert.Contains("optional string s = 1 [default = \"it's A\\n\\303\\251\"];", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canonical_text_parses_to_the_same_canonical_text()
    {
        var text = """
            syntax = "proto2";
            package x.y;
            import "google/protobuf/descriptor.proto";
            extend google.protobuf.FieldOptions { optional string unit = 50001; }
            message M {
              extensions 100 to max;
              required int64 id = 1 [(unit) = "ms"];
              optional E e = 2 [default = B];
              enum E { A = 1; B = 2; }
            }
            extend M { optional int32 more = 100; }
            service S { rpc Call(stream M) returns (M) { option deprecated = true; } }
            """;
        var once = Normal(text);
        Assert.Equal(once, Normal(once));
    }
}
