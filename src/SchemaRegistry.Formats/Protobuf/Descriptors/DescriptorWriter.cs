using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Linking;
using SchemaRegistry.Formats.Protobuf.Model;
using FileOptions = Google.Protobuf.Reflection.FileOptions;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>
/// A linked file as the FileDescriptorProto protoc would give: types fully qualified with a leading dot, map fields
/// as repeated fields of a nested <c>...Entry</c> message (after the declared nested messages, so message indexes
/// hold), proto3 <c>optional</c> as a synthetic oneof, message ranges end exclusive, enum ranges end inclusive.
/// Canonical order (ProtoWriter's) throughout.
/// </summary>
internal static class DescriptorWriter
{
    public static FileDescriptorProto Write(ProtoFile file, string name)
    {
        var result = new FileDescriptorProto { Name = name };
        if (file.IsProto3)
        {
            result.Syntax = file.Syntax;
        }

        if (file.Package is not null)
        {
            result.Package = file.Package;
        }

        var imports = file.Imports.DistinctBy(import => import.Path).OrderBy(import => import.Path, StringComparer.Ordinal).ToList();
        for (var index = 0; index < imports.Count; index++)
        {
            result.Dependency.Add(imports[index].Path);
            if (imports[index].Kind == ProtoImportKind.Public)
            {
                result.PublicDependency.Add(index);
            }
            else if (imports[index].Kind == ProtoImportKind.Weak)
            {
                result.WeakDependency.Add(index);
            }
        }

        result.Options = DescriptorOptions.Write<FileOptions>(file.Options);
        result.MessageType.AddRange(file.Messages.Select(message => Message(message, file.IsProto3, file.Package ?? "")));
        result.EnumType.AddRange(file.Enums.OrderBy(@enum => @enum.Name, StringComparer.Ordinal).Select(Enum));
        result.Extension.AddRange(Extensions(file.Extends, file.IsProto3));
        result.Service.AddRange(file.Services.OrderBy(service => service.Name, StringComparer.Ordinal).Select(Service));
        return result;
    }

    private static DescriptorProto Message(ProtoMessage message, bool proto3, string scope)
    {
        var fullName = ProtoSymbolTable.Join(scope, message.Name);
        var result = new DescriptorProto { Name = message.Name, Options = DescriptorOptions.Write<MessageOptions>(message.Options) };
        var oneofs = message.Oneofs.Select(oneof => oneof.Name).ToList();
        result.OneofDecl.AddRange(message.Oneofs.Select(oneof => new OneofDescriptorProto { Name = oneof.Name, Options = DescriptorOptions.Write<OneofOptions>(oneof.Options) }));
        var entries = new List<DescriptorProto>();
        foreach (var field in message.Fields.OrderBy(field => field.Number))
        {
            var descriptor = Field(field, proto3);
            if (field.Oneof is not null)
            {
                descriptor.OneofIndex = oneofs.IndexOf(field.Oneof);
            }
            else if (proto3 && field.Label == ProtoLabel.Optional)
            {
                descriptor.Proto3Optional = true;
                descriptor.OneofIndex = result.OneofDecl.Count;
                result.OneofDecl.Add(new OneofDescriptorProto { Name = SyntheticOneof(field.Name, message) });
            }

            if (field.MapKey is { } key)
            {
                var entry = MapEntry(field, key);
                descriptor.Label = Label.Repeated;
                descriptor.Type = Type.Message;
                descriptor.TypeName = $".{fullName}.{entry.Name}";
                entries.Add(entry);
            }

            result.Field.Add(descriptor);
        }

        result.NestedType.AddRange(message.Messages.Select(nested => Message(nested, proto3, fullName)));
        result.NestedType.AddRange(entries);
        result.EnumType.AddRange(message.Enums.OrderBy(@enum => @enum.Name, StringComparer.Ordinal).Select(Enum));
        result.Extension.AddRange(Extensions(message.Extends, proto3));
        result.ReservedRange.AddRange(message.ReservedRanges.OrderBy(range => range.From).Select(range => new DescriptorProto.Types.ReservedRange { Start = (int)range.From, End = (int)(range.To + 1) }));
        result.ReservedName.AddRange(message.ReservedNames.Distinct().Order(StringComparer.Ordinal));
        result.ExtensionRange.AddRange(message.ExtensionRanges.OrderBy(range => range.From).Select(range => new DescriptorProto.Types.ExtensionRange { Start = (int)range.From, End = (int)(range.To + 1) }));
        return result;
    }

    private static FieldDescriptorProto Field(ProtoField field, bool proto3)
    {
        var result = new FieldDescriptorProto
        {
            Name = field.Name,
            Number = (int)field.Number,
            Label = field.Label switch { ProtoLabel.Repeated => Label.Repeated, ProtoLabel.Required => Label.Required, _ => Label.Optional },
            Options = DescriptorOptions.Write<FieldOptions>(field.Options),
        };
        SetType(result, field.Type);
        if (field.Option("json_name") is { Value.Kind: ProtoConstantKind.String } json)
        {
            result.JsonName = DescriptorStrings.Unescape(json.Value.Text).ToStringUtf8();
        }

        if (!proto3 && field.Option("default") is { } @default)
        {
            result.DefaultValue = field.Type.Name == "string" ? DescriptorStrings.Unescape(@default.Value.Text).ToStringUtf8() : @default.Value.Text;
        }

        return result;
    }

    private static void SetType(FieldDescriptorProto field, ProtoType type)
    {
        if (type.IsScalar)
        {
            field.Type = System.Enum.Parse<Type>(type.Name, ignoreCase: true);
            return;
        }

        field.Type = type.Kind == ProtoTypeKind.Enum ? Type.Enum : Type.Message;
        field.TypeName = type.Name;
    }

    private static DescriptorProto MapEntry(ProtoField field, ProtoType key)
    {
        var entry = new DescriptorProto { Name = DescriptorNames.MapEntry(field.Name), Options = new MessageOptions { MapEntry = true } };
        entry.Field.Add(Entry("key", 1, key));
        entry.Field.Add(Entry("value", 2, field.Type));
        return entry;

        FieldDescriptorProto Entry(string name, int number, ProtoType type)
        {
            var member = new FieldDescriptorProto { Name = name, Number = number, Label = Label.Optional, JsonName = name };
            SetType(member, type);
            return member;
        }
    }

    private static string SyntheticOneof(string fieldName, ProtoMessage message)
    {
        var name = "_" + fieldName;
        while (message.Oneofs.Any(oneof => oneof.Name == name) || message.Fields.Any(field => field.Name == name))
        {
            name = "X" + name;
        }

        return name;
    }

    private static EnumDescriptorProto Enum(ProtoEnum @enum)
    {
        var result = new EnumDescriptorProto { Name = @enum.Name, Options = DescriptorOptions.Write<EnumOptions>(@enum.Options) };
        result.Value.AddRange(@enum.Values.Select(value => new EnumValueDescriptorProto { Name = value.Name, Number = (int)value.Number, Options = DescriptorOptions.Write<EnumValueOptions>(value.Options) }));
        result.ReservedRange.AddRange(@enum.ReservedRanges.OrderBy(range => range.From).Select(range => new EnumDescriptorProto.Types.EnumReservedRange { Start = (int)range.From, End = (int)range.To }));
        result.ReservedName.AddRange(@enum.ReservedNames.Distinct().Order(StringComparer.Ordinal));
        return result;
    }

    private static IEnumerable<FieldDescriptorProto> Extensions(IEnumerable<ProtoExtend> extends, bool proto3) => extends
        .OrderBy(extend => extend.Extendee.Name, StringComparer.Ordinal)
        .SelectMany(extend => extend.Fields.OrderBy(field => field.Number).Select(field =>
        {
            var descriptor = Field(field, proto3);
            descriptor.Extendee = extend.Extendee.Name;
            return descriptor;
        }));

    private static ServiceDescriptorProto Service(ProtoService service)
    {
        var result = new ServiceDescriptorProto { Name = service.Name, Options = DescriptorOptions.Write<ServiceOptions>(service.Options) };
        result.Method.AddRange(service.Methods.OrderBy(method => method.Name, StringComparer.Ordinal).Select(Method));
        return result;
    }

    private static MethodDescriptorProto Method(ProtoMethod method)
    {
        var result = new MethodDescriptorProto
        {
            Name = method.Name,
            InputType = method.Input.Name,
            OutputType = method.Output.Name,
            Options = DescriptorOptions.Write<MethodOptions>(method.Options),
        };
        if (method.InputStreams)
        {
            result.ClientStreaming = true;
        }

        if (method.OutputStreams)
        {
            result.ServerStreaming = true;
        }

        return result;
    }
}
