using SchemaRegistry.Formats.Protobuf;

namespace SchemaRegistry.Formats.Tests.Protobuf;

public sealed class MessageIndexesTests
{
    private static readonly ProtobufParsedSchema Schema = Proto.Parse("""
        syntax = "proto3";
        package shop;
        message Order {
          message Item { message Detail { int32 x = 1; } int32 a = 1; }
          message Note { string text = 1; }
          int32 id = 1;
        }
        enum Status { A = 0; }
        message Customer { int32 id = 1; }
        """);

    [Theory]
    [InlineData("shop.Order", new[] { 0 })]
    [InlineData(".shop.Order", new[] { 0 })]
    [InlineData("shop.Customer", new[] { 1 })]
    [InlineData("shop.Order.Item", new[] { 0, 0 })]
    [InlineData("shop.Order.Note", new[] { 0, 1 })]
    [InlineData("shop.Order.Item.Detail", new[] { 0, 0, 0 })]
    public void A_message_s_index_path_counts_messages_in_declaration_order_and_leads_back_to_it(string name, int[] expected)
    {
        Assert.Equal(expected, Schema.MessageIndexes(name));
        Assert.Equal(name.TrimStart('.'), Schema.MessageName(expected));
    }

    [Theory]
    [InlineData("shop.Status")]
    [InlineData("Order")]
    [InlineData("other.Order")]
    [InlineData("shop.Order.Missing")]
    public void A_name_that_is_not_a_message_of_the_file_has_no_index_path(string name)
    {
        Assert.Null(Schema.MessageIndexes(name));
    }

    [Fact]
    public void An_index_path_out_of_range_leads_nowhere()
    {
        Assert.Null(Schema.MessageName([2]));
        Assert.Null(Schema.MessageName([0, 5]));
        Assert.Null(Schema.MessageName([]));
    }

    [Fact]
    public void The_record_type_is_the_first_message()
    {
        Assert.Equal("shop.Order", Schema.RecordType);
    }

    [Theory]
    [InlineData(new[] { 0 }, new byte[] { 0 })]
    [InlineData(new[] { 1 }, new byte[] { 2, 2 })]
    [InlineData(new[] { 0, 1 }, new byte[] { 4, 0, 2 })]
    [InlineData(new[] { 70 }, new byte[] { 2, 140, 1 })]
    public void Indexes_are_written_as_Confluent_writes_them_and_read_back(int[] indexes, byte[] bytes)
    {
        Assert.Equal(bytes, MessageIndexes.Encode(indexes));
        var read = MessageIndexes.Decode([.. bytes, 0xAA], out var length);
        Assert.Equal(indexes, read);
        Assert.Equal(bytes.Length, length);
    }

    [Fact]
    public void Truncated_indexes_are_refused()
    {
        Assert.Throws<FormatException>(() => MessageIndexes.Decode(new byte[] { 4, 0 }, out _));
        Assert.Throws<FormatException>(() => MessageIndexes.Decode(new byte[] { 0x80 }, out _));
    }
}
