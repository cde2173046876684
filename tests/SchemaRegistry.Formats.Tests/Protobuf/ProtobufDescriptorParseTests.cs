using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using SchemaRegistry.Wire;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace SchemaRegistry.Formats.Tests.Protobuf;

/// <summary>Schemas sent as a base64 FileDescriptorProto, as Confluent's JavaScript client registers them.</summary>
public sealed class ProtobufDescriptorParseTests
{
    private static string Base64(IMessage descriptor) => descriptor.ToByteString().ToBase64();

    private static string Normal(string text, IReadOnlyDictionary<string, string>? references = null) =>
        Proto.Format.Normalise(Proto.Parse(text, references));

    /// <summary>What protoc gives for the text below: map entry, synthetic oneof, unqualified type names resolved by scope.</summary>
    private static FileDescriptorProto HandBuilt()
    {
        var user = new DescriptorProto { Name = "User", OneofDecl = { new OneofDescriptorProto { Name = "contact" }, new OneofDescriptorProto { Name = "_nick" } } };
        user.Field.Add(new FieldDescriptorProto { Name = "id", Number = 1, Label = Label.Optional, Type = Type.Int64, JsonName = "id" });
        user.Field.Add(new FieldDescriptorProto { Name = "nick", Number = 2, Label = Label.Optional, Type = Type.String, OneofIndex = 1, Proto3Optional = true });
        user.Field.Add(new FieldDescriptorProto { Name = "email", Number = 3, Label = Label.Optional, Type = Type.String, OneofIndex = 0 });
        user.Field.Add(new FieldDescriptorProto { Name = "phone", Number = 4, Label = Label.Optional, Type = Type.String, OneofIndex = 0 });
        user.Field.Add(new FieldDescriptorProto { Name = "roles", Number = 5, Label = Label.Repeated, Type = Type.Enum, TypeName = "Role" });
        user.Field.Add(new FieldDescriptorProto { Name = "tag_counts", Number = 6, Label = Label.Repeated, Type = Type.Message, TypeName = ".app.User.TagCountsEntry" });
        user.Field.Add(new FieldDescriptorProto { Name = "seen", Number = 7, Label = Label.Optional, Type = Type.Message, TypeName = ".google.protobuf.Timestamp" });
        var entry = new DescriptorProto { Name = "TagCountsEntry", Options = new MessageOptions { MapEntry = true } };
        entry.Field.Add(new FieldDescriptorProto { Name = "key", Number = 1, Label = Label.Optional, Type = Type.String });
        entry.Field.Add(new FieldDescriptorProto { Name = "value", Number = 2, Label = Label.Optional, Type = Type.Int32 });
        user.NestedType.Add(entry);
        user.ReservedRange.Add(new DescriptorProto.Types.ReservedRange { Start = 8, End = 10 });
        user.ReservedName.Add("password");
        var role = new EnumDescriptorProto { Name = "Role", Value = { new EnumValueDescriptorProto { Name = "ROLE_NONE", Number = 0 }, new EnumValueDescriptorProto { Name = "ROLE_ADMIN", Number = 1 } } };
        role.ReservedRange.Add(new EnumDescriptorProto.Types.EnumReservedRange { Start = 2, End = 3 });
        return new FileDescriptorProto
        {
            Name = "user.proto",
            Package = "app",
            Syntax = "proto3",
            Dependency = { "google/protobuf/timestamp.proto" },
            MessageType = { user },
            EnumType = { role },
        };
    }

    private const string HandBuiltText = """
        syntax = "proto3";
        package app;
        import "google/protobuf/timestamp.proto";
        message User {
          int64 id = 1;
          optional string nick = 2;
          oneof contact { string email = 3; string phone = 4; }
          repeated Role roles = 5;
          map<string, int32> tag_counts = 6;
          google.protobuf.Timestamp seen = 7;
          reserved 8 to 9;
          reserved "password";
        }
        enum Role { ROLE_NONE = 0; ROLE_ADMIN = 1; reserved 2 to 3; }
        """;

    [Fact]
    public void A_descriptor_built_by_hand_parses_and_equals_its_text()
    {
        var schema = Proto.Parse(Base64(HandBuilt()));

        Assert.Equal(Normal(HandBuiltText), Proto.Format.Normalise(schema));
        Assert.Empty(Proto.Format.Compare(Proto.Parse(HandBuiltText), schema).Changes);
        Assert.Equal("app.User", schema.RecordType);
    }

    [Fact]
    public void The_schema_keeps_the_base64_it_was_given()
    {
        var base64 = Base64(HandBuilt());

        Assert.Equal(base64, Proto.Parse("\n" + base64 + "\n").Text.Trim());
    }

    [Fact]
    public void The_timestamp_descriptor_parses()
    {
        var schema = Proto.Parse(Base64(Timestamp.Descriptor.File.ToProto()));

        Assert.Equal("google.protobuf.Timestamp", schema.RecordType);
        Assert.Contains("int64 seconds = 1;", Proto.Format.Normalise(schema), StringComparison.Ordinal);
        Assert.Contains("option csharp_namespace = \"Google.Protobuf.WellKnownTypes\";", Proto.Format.Normalise(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_may_be_a_descriptor_too()
    {
        var common = new FileDescriptorProto { Name = "common.proto", Package = "common", Syntax = "proto3", MessageType = { new DescriptorProto { Name = "Money", Field = { new FieldDescriptorProto { Name = "cents", Number = 1, Type = Type.Int64, Label = Label.Optional } } } } };
        var references = new Dictionary<string, string> { ["common.proto"] = Base64(common) };
        const string Text = "syntax = \"proto3\"; import \"common.proto\"; message Price { common.Money amount = 1; }";

        Assert.Equal(Normal(Text, new Dictionary<string, string> { ["common.proto"] = "syntax = \"proto3\"; package common; message Money { int64 cents = 1; }" }), Normal(Text, references));
    }

    [Theory]
    [InlineData("bm90IGEgZGVzY3JpcHRvcg==", "does not decode to a FileDescriptorProto")]
    [InlineData("YWJj", "does not decode to a FileDescriptorProto")]
    [InlineData("abcde", "neither .proto source nor valid base64")]
    [InlineData("EgA=", "empty FileDescriptorProto")]
    public void Malformed_base64_or_garbage_is_refused(string text, string reason)
    {
        var issue = Proto.Refuse(text);

        Assert.Equal(ErrorCode.PayloadInvalid, issue.Code);
        Assert.Contains(reason, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_descriptor_that_breaks_the_rules_is_refused_like_text()
    {
        var groups = HandBuilt();
        groups.MessageType[0].Field.Add(new FieldDescriptorProto { Name = "g", Number = 20, Label = Label.Optional, Type = Type.Group, TypeName = ".app.User.G" });
        var badOneof = HandBuilt();
        badOneof.MessageType[0].Field[2].OneofIndex = 7;
        var required = HandBuilt();
        required.MessageType[0].Field[0].Label = Label.Required;
        var unresolved = HandBuilt();
        unresolved.MessageType[0].Field[4].TypeName = ".app.Nope";

        Assert.Contains("is a group", Proto.Refuse(Base64(groups)).Message, StringComparison.Ordinal);
        Assert.Contains("names oneof 7", Proto.Refuse(Base64(badOneof)).Message, StringComparison.Ordinal);
        Assert.Contains("required, which proto3 does not allow", Proto.Refuse(Base64(required)).Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.ReferenceUnresolved, Proto.Refuse(Base64(unresolved)).Code);
    }

    [Fact]
    public void A_comment_without_spaces_is_still_proto_text()
    {
        Assert.Null(Proto.Parse("//abc").RecordType);
    }
}
