using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>Text to FileDescriptorProto and back: the canonical text survives, and Google.Protobuf accepts what we write.</summary>
public sealed class ProtobufDescriptorRoundTripTests
{
    private const string Proto3 = """
        syntax = "proto3";
        package shop.v1;
        import "google/protobuf/timestamp.proto";
        import public "google/protobuf/duration.proto";
        option java_package = "com.shop";
        option optimize_for = SPEED;
        option java_multiple_files = true;
        message Order {
          option deprecated = true;
          string id = 1 [json_name = "orderId"];
          repeated int32 sizes = 2 [packed = false, deprecated = true];
          google.protobuf.Timestamp at = 3;
          optional string note = 4;
          map<string, Item> by_sku = 5;
          map<int64, Status> states = 6;
          oneof payment {
            string iban = 7;
            Card card = 8;
          }
          oneof channel { string web = 9; int32 store = 10; }
          google.protobuf.Duration wait = 11;
          reserved 12 to 14, 20, 100 to max;
          reserved "legacy", "old";
          message Item {
            string sku = 1;
            optional int32 count = 2;
            message Detail { bytes blob = 1; }
            Detail detail = 3;
          }
          message Card { string number = 1; }
          enum Status {
            option allow_alias = true;
            NEW = 0;
            OPEN = 1;
            STARTED = 1 [deprecated = true];
            reserved 5 to 7, 9;
            reserved "GONE";
          }
        }
        message Empty {}
        enum Kind { KIND_UNKNOWN = 0; KIND_BIG = 2; reserved 1; }
        service Shop {
          rpc Put(Order) returns (Empty);
          rpc Watch(stream Empty) returns (stream Order) { option deprecated = true; }
        }
        """;

    private const string Proto2 = """
        syntax = "proto2";
        package legacy;
        message Account {
          required string id = 1;
          optional int32 limit = 2 [default = -5];
          optional string greeting = 3 [default = "hi \"there\"\n"];
          optional bytes magic = 4 [default = "\001\377ab"];
          optional double ratio = 5 [default = 1.5];
          optional float top = 6 [default = inf];
          optional bool on = 7 [default = true];
          optional Level level = 8 [default = HIGH];
          repeated sint64 deltas = 9 [packed = true];
          optional uint64 big = 10 [default = 18446744073709551615];
          extensions 100 to 199, 1000 to max;
          enum Level { LOW = 1; HIGH = 2; }
        }
        extend Account { optional string tag = 100; repeated fixed32 codes = 101; }
        """;

    private static string Normal(string text, IReadOnlyDictionary<string, string>? references = null) =>
        Proto.Format.Normalise(Proto.Parse(text, references));

    [Theory]
    [InlineData(Proto3)]
    [InlineData(Proto2)]
    public void Text_to_descriptor_to_text_gives_the_same_canonical_text(string text)
    {
        var serialized = Proto.Format.ToSerialized(Proto.Parse(text));

        Assert.Equal(Normal(text), Normal(serialized));
    }

    [Theory]
    [InlineData(Proto3)]
    [InlineData(Proto2)]
    public void The_descriptor_of_the_descriptor_text_is_the_same_bytes(string text)
    {
        var once = Proto.Format.ToSerialized(Proto.Parse(text));

        Assert.Equal(once, Proto.Format.ToSerialized(Proto.Parse(once)));
    }

    [Fact]
    public void Google_Protobuf_builds_the_descriptor_we_write_with_its_well_known_imports()
    {
        var bytes = ByteString.FromBase64(Proto.Format.ToSerialized(Proto.Parse(Proto3)));

        var files = FileDescriptor.BuildFromByteStrings([Timestamp.Descriptor.File.SerializedData, Duration.Descriptor.File.SerializedData, bytes]);

        var order = files[^1].FindTypeByName<MessageDescriptor>("Order");
        Assert.Equal("schema.proto", files[^1].Name);
        Assert.True(order.FindFieldByName("by_sku").IsMap);
        Assert.Equal("shop.v1.Order.Item", order.FindFieldByName("by_sku").MessageType.FindFieldByNumber(2).MessageType.FullName);
        Assert.Equal(["payment", "channel"], order.Oneofs.Where(oneof => !oneof.IsSynthetic).Select(oneof => oneof.Name));
        Assert.True(order.FindFieldByName("note").HasPresence);
        Assert.True(order.FindFieldByName("note").ContainingOneof.IsSynthetic);
        Assert.Equal("orderId", order.FindFieldByName("id").JsonName);
        Assert.Equal(["Item", "Card"], order.NestedTypes.Where(nested => !nested.GetOptions()?.MapEntry ?? true).Select(nested => nested.Name).Take(2));
        Assert.True(files[^1].Dependencies.Count == 2 && files[^1].PublicDependencies.Single().Name == "google/protobuf/duration.proto");
    }

    [Fact]
    public void A_reference_is_written_under_its_import_path_and_builds_as_a_dependency()
    {
        const string Common = "syntax = \"proto3\"; package common; message Money { int64 cents = 1; }";
        var references = new Dictionary<string, string> { ["common/money.proto"] = Common };
        var main = Proto.Parse("syntax = \"proto3\"; import \"common/money.proto\"; message Price { common.Money amount = 1; }", references);

        var files = FileDescriptor.BuildFromByteStrings(
        [
            ByteString.FromBase64(Proto.Format.ToSerialized(Proto.Parse(Common), "common/money.proto")),
            ByteString.FromBase64(Proto.Format.ToSerialized(main)),
        ]);

        Assert.Equal("common.Money", files[1].MessageTypes[0].FindFieldByName("amount").MessageType.FullName);
    }

    [Fact]
    public void Ranges_are_written_end_exclusive_for_messages_and_inclusive_for_enums()
    {
        var file = FileDescriptorProto.Parser.ParseFrom(ByteString.FromBase64(Proto.Format.ToSerialized(Proto.Parse(Proto3))));

        var order = file.MessageType[0];
        Assert.Equal([(12, 15), (20, 21), (100, 536870912)], order.ReservedRange.Select(range => (range.Start, range.End)));
        Assert.Equal([(5, 7), (9, 9)], order.EnumType[0].ReservedRange.Select(range => (range.Start, range.End)));
        Assert.Equal([(100, 200), (1000, 536870912)], FileDescriptorProto.Parser.ParseFrom(ByteString.FromBase64(Proto.Format.ToSerialized(Proto.Parse(Proto2)))).MessageType[0].ExtensionRange.Select(range => (range.Start, range.End)));
    }

    [Fact]
    public void Proto2_defaults_are_written_as_protoc_writes_them()
    {
        var file = FileDescriptorProto.Parser.ParseFrom(ByteString.FromBase64(Proto.Format.ToSerialized(Proto.Parse(Proto2))));

        var defaults = file.MessageType[0].Field.Where(field => field.HasDefaultValue).ToDictionary(field => field.Name, field => field.DefaultValue);
        Assert.Equal("-5", defaults["limit"]);
        Assert.Equal("hi \"there\"\n", defaults["greeting"]);
        Assert.Equal("\\001\\377ab", defaults["magic"]);
        Assert.Equal("HIGH", defaults["level"]);
        Assert.Equal("inf", defaults["top"]);
        Assert.Equal(".legacy.Account", file.Extension[0].Extendee);
        Assert.False(file.HasSyntax);
    }
}
