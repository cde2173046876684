using System.Globalization;
using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>
/// A FileDescriptorProto as the model, unlinked: the linker resolves its type names and checks its rules as for text.
/// Map entries become map fields, proto3 synthetic oneofs become <c>optional</c>, descriptor ranges (end exclusive
/// for messages, inclusive for enums) become the model's inclusive ones.
/// </summary>
internal static class DescriptorReader
{
    private static readonly SourcePosition Start = new(1, 1);

    public static ProtoFile Read(FileDescriptorProto file)
    {
        var syntax = file.HasSyntax && file.Syntax.Length > 0 ? file.Syntax : "proto2";
        if (syntax is not ("proto2" or "proto3"))
        {
            throw new DescriptorException($"the descriptor's syntax \"{syntax}\" is not supported: expected \"proto2\" or \"proto3\"");
        }

        var proto3 = syntax == "proto3";
        var imports = file.Dependency.Select((path, index) => new ProtoImport(
            path,
            file.PublicDependency.Contains(index) ? ProtoImportKind.Public : file.WeakDependency.Contains(index) ? ProtoImportKind.Weak : ProtoImportKind.Default,
            Start)).ToList();
        return new ProtoFile(
            syntax,
            file.HasPackage && file.Package.Length > 0 ? file.Package : null,
            imports,
            DescriptorOptions.Read(file.Options),
            file.MessageType.Select(message => Message(message, proto3)).ToList(),
            file.EnumType.Select(Enum).ToList(),
            file.Service.Select(Service).ToList(),
            Extends(file.Extension, proto3));
    }

    private static ProtoMessage Message(DescriptorProto message, bool proto3)
    {
        var entries = message.NestedType.Where(nested => nested.Options?.MapEntry == true).ToDictionary(nested => nested.Name, StringComparer.Ordinal);
        var synthetic = message.Field.Where(field => field.Proto3Optional && field.HasOneofIndex).Select(field => field.OneofIndex).ToHashSet();
        var fields = message.Field.Select(field => Field(field, message, entries, synthetic, proto3)).ToList();
        return new ProtoMessage(
            message.Name,
            fields,
            message.OneofDecl.Where((_, index) => !synthetic.Contains(index)).Select(oneof => new ProtoOneof(oneof.Name, DescriptorOptions.Read(oneof.Options), Start)).ToList(),
            message.NestedType.Where(nested => nested.Options?.MapEntry != true).Select(nested => Message(nested, proto3)).ToList(),
            message.EnumType.Select(Enum).ToList(),
            Extends(message.Extension, proto3),
            message.ReservedRange.Select(range => Exclusive(range.Start, range.End)).ToList(),
            message.ReservedName.ToList(),
            message.ExtensionRange.Select(range => Exclusive(range.Start, range.End)).ToList(),
            DescriptorOptions.Read(message.Options, "map_entry"),
            Start);
    }

    private static ProtoField Field(FieldDescriptorProto field, DescriptorProto owner, IReadOnlyDictionary<string, DescriptorProto> entries, IReadOnlySet<int> synthetic, bool proto3)
    {
        string? oneof = null;
        if (field.HasOneofIndex && !synthetic.Contains(field.OneofIndex))
        {
            oneof = field.OneofIndex >= 0 && field.OneofIndex < owner.OneofDecl.Count
                ? owner.OneofDecl[field.OneofIndex].Name
                : throw new DescriptorException($"field {owner.Name}.{field.Name} names oneof {field.OneofIndex}, but {owner.Name} declares {owner.OneofDecl.Count}");
        }

        var type = Type(field, owner.Name);
        ProtoType? mapKey = null;
        if (field.Label == FieldDescriptorProto.Types.Label.Repeated && type.Kind != ProtoTypeKind.Scalar && Entry(type.Name, owner.Name, entries) is { } entry)
        {
            var key = entry.Field.FirstOrDefault(member => member.Number == 1);
            var value = entry.Field.FirstOrDefault(member => member.Number == 2);
            if (key is null || value is null)
            {
                throw new DescriptorException($"map entry {entry.Name} of field {owner.Name}.{field.Name} lacks its key (1) or value (2) field");
            }

            mapKey = Type(key, entry.Name);
            type = Type(value, entry.Name);
        }

        var label = mapKey is not null || oneof is not null ? ProtoLabel.None : Label(field, proto3);
        return new ProtoField(field.Name, field.Number, label, type, mapKey, oneof, FieldOptions(field), Start);
    }

    private static DescriptorProto? Entry(string typeName, string ownerName, IReadOnlyDictionary<string, DescriptorProto> entries)
    {
        var simple = typeName[(typeName.LastIndexOf('.') + 1)..];
        var parent = typeName.LastIndexOf('.') > 0 ? typeName[..typeName.LastIndexOf('.')] : "";
        var ownerMatches = parent.Length == 0 || parent == ownerName || parent.EndsWith("." + ownerName, StringComparison.Ordinal);
        return ownerMatches && entries.TryGetValue(simple, out var entry) ? entry : null;
    }

    private static ProtoType Type(FieldDescriptorProto field, string owner)
    {
        if (field.Type == FieldDescriptorProto.Types.Type.Group)
        {
            throw new DescriptorException($"field {owner}.{field.Name} is a group, which is not supported: declare a message and a field of that type");
        }

        if (field.HasType && field.Type is not (FieldDescriptorProto.Types.Type.Message or FieldDescriptorProto.Types.Type.Enum))
        {
            return new ProtoType(field.Type.ToString().ToLowerInvariant(), ProtoTypeKind.Scalar);
        }

        return field.TypeName.Length > 0
            ? new ProtoType(field.TypeName, ProtoTypeKind.Unresolved)
            : throw new DescriptorException($"field {owner}.{field.Name} has neither a scalar type nor a type name");
    }

    private static List<ProtoOption> FieldOptions(FieldDescriptorProto field)
    {
        var options = DescriptorOptions.Read(field.Options);
        if (field.HasJsonName && field.JsonName != DescriptorNames.Json(field.Name))
        {
            options.Add(new ProtoOption("json_name", new ProtoConstant(ProtoConstantKind.String, ProtoStrings.Escape(field.JsonName))));
        }

        if (field.HasDefaultValue)
        {
            options.Add(new ProtoOption("default", Default(field)));
        }

        return options;
    }

    /// <summary>A descriptor's default is text: raw for strings, C-escaped for bytes, a value's name for enums.</summary>
    private static ProtoConstant Default(FieldDescriptorProto field) => field.Type switch
    {
        FieldDescriptorProto.Types.Type.String => new ProtoConstant(ProtoConstantKind.String, ProtoStrings.Escape(field.DefaultValue)),
        FieldDescriptorProto.Types.Type.Bytes => new ProtoConstant(ProtoConstantKind.String, field.DefaultValue),
        FieldDescriptorProto.Types.Type.Double or FieldDescriptorProto.Types.Type.Float
            when double.TryParse(field.DefaultValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && field.DefaultValue is not ("inf" or "-inf" or "nan")
            => new ProtoConstant(ProtoConstantKind.Float, field.DefaultValue),
        _ when long.TryParse(field.DefaultValue, CultureInfo.InvariantCulture, out _) || ulong.TryParse(field.DefaultValue, CultureInfo.InvariantCulture, out _)
            => new ProtoConstant(ProtoConstantKind.Integer, field.DefaultValue),
        _ => new ProtoConstant(ProtoConstantKind.Identifier, field.DefaultValue),
    };

    private static ProtoEnum Enum(EnumDescriptorProto @enum) => new(
        @enum.Name,
        @enum.Value.Select(value => new ProtoEnumValue(value.Name, value.Number, DescriptorOptions.Read(value.Options), Start)).ToList(),
        DescriptorOptions.Read(@enum.Options),
        @enum.ReservedRange.Select(range => new ProtoRange(range.Start, range.End)).ToList(),
        @enum.ReservedName.ToList(),
        Start);

    private static ProtoService Service(ServiceDescriptorProto service) => new(
        service.Name,
        service.Method.Select(method => new ProtoMethod(
            method.Name,
            new ProtoType(method.InputType, ProtoTypeKind.Unresolved),
            method.ClientStreaming,
            new ProtoType(method.OutputType, ProtoTypeKind.Unresolved),
            method.ServerStreaming,
            DescriptorOptions.Read(method.Options),
            Start)).ToList(),
        DescriptorOptions.Read(service.Options),
        Start);

    private static List<ProtoExtend> Extends(IEnumerable<FieldDescriptorProto> extensions, bool proto3) => extensions
        .GroupBy(extension => extension.Extendee, StringComparer.Ordinal)
        .Select(group => new ProtoExtend(
            new ProtoType(group.Key, ProtoTypeKind.Unresolved),
            group.Select(extension => new ProtoField(extension.Name, extension.Number, Label(extension, proto3), Type(extension, group.Key), null, null, FieldOptions(extension), Start)).ToList(),
            Start))
        .ToList();

    private static ProtoLabel Label(FieldDescriptorProto field, bool proto3) => field.Label switch
    {
        FieldDescriptorProto.Types.Label.Repeated => ProtoLabel.Repeated,
        FieldDescriptorProto.Types.Label.Required => ProtoLabel.Required,
        _ when proto3 && !field.Proto3Optional => ProtoLabel.None,
        _ => ProtoLabel.Optional,
    };

    /// <summary>Message reserved and extension ranges end one past their last number.</summary>
    private static ProtoRange Exclusive(int start, int end) => new(start, (long)end - 1);
}
