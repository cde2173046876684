using System.Text;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>
/// Confronts verdicts with real bytes: Google.Protobuf writes a record by the OLD layout and the NEW layout reads it
/// (with Google.Protobuf's own types where the well-known types have the shape, by hand with CodedInputStream otherwise).
/// </summary>
public sealed class ProtobufWireBytesTests
{
    private static SchemaDiff Diff(string old, string @new) => Proto.Format.Compare(Proto.Parse(old), Proto.Parse(@new));

    private static string P3(string body) => "syntax = \"proto3\";\n" + body;

    [Fact]
    public void Int32_and_int64_read_each_other_s_values_as_claimed()
    {
        Assert.True(Diff(P3("message M { int32 value = 1; }"), P3("message M { int64 value = 1; }")).IsBackwardCompatible);
        Assert.Equal(-3, Int64Value.Parser.ParseFrom(new Int32Value { Value = -3 }.ToByteArray()).Value);
        Assert.Equal(-3, Int32Value.Parser.ParseFrom(new Int64Value { Value = -3 }.ToByteArray()).Value);
    }

    [Fact]
    public void Int32_read_as_sint32_changes_the_value_as_claimed()
    {
        Assert.False(Diff(P3("message M { int32 value = 1; }"), P3("message M { sint32 value = 1; }")).IsBackwardCompatible);
        var input = new CodedInputStream(new Int32Value { Value = -1 }.ToByteArray());
        Assert.Equal(1, WireFormat.GetTagFieldNumber(input.ReadTag()));
        Assert.NotEqual(-1, input.ReadSInt32());
    }

    [Fact]
    public void A_renamed_message_of_the_same_shape_reads_the_old_bytes_as_claimed()
    {
        var diff = Diff(
            P3("import \"google/protobuf/timestamp.proto\";\nmessage M { google.protobuf.Timestamp t = 1; }"),
            P3("import \"google/protobuf/duration.proto\";\nmessage M { google.protobuf.Duration t = 1; }"));
        Assert.True(diff.IsBackwardCompatible && diff.IsForwardCompatible);
        var read = Duration.Parser.ParseFrom(new Timestamp { Seconds = 1_700_000_000, Nanos = 7 }.ToByteArray());
        Assert.Equal(1_700_000_000, read.Seconds);
        Assert.Equal(7, read.Nanos);
    }

    [Fact]
    public void A_string_reads_as_bytes_but_bytes_need_not_read_as_a_string_as_claimed()
    {
        var diff = Diff(P3("message M { string value = 1; }"), P3("message M { bytes value = 1; }"));
        Assert.True(diff.IsBackwardCompatible);
        Assert.False(diff.IsForwardCompatible);
        Assert.Equal(Encoding.UTF8.GetBytes("héllo"), BytesValue.Parser.ParseFrom(new StringValue { Value = "héllo" }.ToByteArray()).Value.ToByteArray());
        var notText = new BytesValue { Value = ByteString.CopyFrom(0xFF, 0xFE) }.ToByteArray();
        Assert.Throws<InvalidProtocolBufferException>(() => StringValue.Parser.ParseFrom(notText));
    }

    [Fact]
    public void An_enum_reads_as_an_int32_as_claimed()
    {
        Assert.True(Diff(P3("message M { E kind = 1; }\nenum E { A = 0; B = 9; }"), P3("message M { int32 kind = 1; }\nenum E { A = 0; B = 9; }")).IsBackwardCompatible);
        var bytes = new Field { Kind = Field.Types.Kind.TypeString }.ToByteArray();
        Assert.Equal((int)Field.Types.Kind.TypeString, Int32Value.Parser.ParseFrom(bytes).Value);
    }

    [Fact]
    public void An_embedded_message_reads_as_its_bytes_as_claimed()
    {
        Assert.True(Diff(P3("message M { S s = 5; }\nmessage S { int32 x = 1; }"), P3("message M { bytes s = 5; }\nmessage S { int32 x = 1; }")).IsBackwardCompatible);
        var inner = new Struct { Fields = { ["a"] = Value.ForNumber(1) } };
        var input = new CodedInputStream(new Value { StructValue = inner }.ToByteArray());
        Assert.Equal(5, WireFormat.GetTagFieldNumber(input.ReadTag()));
        Assert.Equal(inner.ToByteArray(), input.ReadBytes().ToByteArray());
    }

    [Fact]
    public void A_map_reads_as_repeated_entries_with_key_1_and_value_2_as_claimed()
    {
        var diff = Diff(
            P3("message M { map<string, V> fields = 1; }\nmessage V { double n = 2; }"),
            P3("message M { repeated E fields = 1; message E { string key = 1; V value = 2; } }\nmessage V { double n = 2; }"));
        Assert.True(diff.IsBackwardCompatible && diff.IsForwardCompatible);
        var input = new CodedInputStream(new Struct { Fields = { ["a"] = Value.ForNumber(1.5) } }.ToByteArray());
        Assert.Equal(1, WireFormat.GetTagFieldNumber(input.ReadTag()));
        var entry = new CodedInputStream(input.ReadBytes().ToByteArray());
        Assert.Equal(1, WireFormat.GetTagFieldNumber(entry.ReadTag()));
        Assert.Equal("a", entry.ReadString());
        Assert.Equal(2, WireFormat.GetTagFieldNumber(entry.ReadTag()));
        Assert.Equal(1.5, Value.Parser.ParseFrom(entry.ReadBytes()).NumberValue);
    }

    [Fact]
    public void A_string_and_a_repeated_string_read_each_other_as_claimed()
    {
        var diff = Diff(P3("message M { string paths = 1; }"), P3("message M { repeated string paths = 1; }"));
        Assert.True(diff.IsBackwardCompatible && diff.IsForwardCompatible);
        Assert.Equal(["x"], FieldMask.Parser.ParseFrom(new StringValue { Value = "x" }.ToByteArray()).Paths);
        Assert.Equal("b", StringValue.Parser.ParseFrom(new FieldMask { Paths = { "a", "b" } }.ToByteArray()).Value);
    }

    [Fact]
    public void A_packed_repeated_number_is_lost_on_a_singular_reader_as_claimed()
    {
        Assert.False(Diff(P3("message M { repeated int32 value = 1; }"), P3("message M { int32 value = 1; }")).IsBackwardCompatible);
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteLength(2);
        output.WriteInt32(5);
        output.WriteInt32(6);
        output.Flush();
        Assert.Equal(0, Int32Value.Parser.ParseFrom(stream.ToArray()).Value);
    }

    [Fact]
    public void A_singular_number_reads_as_a_one_element_repeated_field_as_claimed()
    {
        Assert.True(Diff(P3("message M { int32 value = 1; }"), P3("message M { repeated int32 value = 1; }")).IsBackwardCompatible);
        var reader = new CodedInputStream(new Int32Value { Value = 7 }.ToByteArray());
        Assert.Equal(WireFormat.WireType.Varint, WireFormat.GetTagWireType(reader.ReadTag()));

        // Generated code for a packed repeated field reads unpacked elements too, as every parser must.
        var field = new RepeatedField<int>();
        field.AddEntriesFrom(reader, FieldCodec.ForInt32(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited)));
        Assert.Equal([7], field);
    }
}
