using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>
/// Options between a descriptor's options messages (FileOptions, MessageOptions, ...) and the model's name = value
/// list, by the options message's own fields: singular scalars, bools and enums map; custom options (extensions),
/// aggregates and <c>uninterpreted_option</c> do not (docs/formats-protobuf.md).
/// </summary>
internal static class DescriptorOptions
{
    /// <summary>The set singular fields of an options message, in number order, minus those the caller handles itself.</summary>
    public static List<ProtoOption> Read(IMessage? options, params string[] skip)
    {
        var result = new List<ProtoOption>();
        if (options is null)
        {
            return result;
        }

        foreach (var field in options.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.FieldType is FieldType.Message or FieldType.Group || skip.Contains(field.Name) || !field.Accessor.HasValue(options))
            {
                continue;
            }

            result.Add(new ProtoOption(field.Name, Constant(field, field.Accessor.GetValue(options))));
        }

        return result;
    }

    /// <summary>An options message holding the model's options it has a field for; null when none applies.</summary>
    public static T? Write<T>(IEnumerable<ProtoOption> options)
        where T : class, IMessage<T>, new()
    {
        T? result = null;
        foreach (var option in options)
        {
            var message = result ?? new T();
            var field = message.Descriptor.FindFieldByName(option.Name);
            if (field is null || field.IsRepeated || field.FieldType is FieldType.Message or FieldType.Group)
            {
                continue;
            }

            var value = Value(field, option.Value);
            if (value is not null)
            {
                field.Accessor.SetValue(message, value);
                result = message;
            }
        }

        return result;
    }

    private static ProtoConstant Constant(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.Bool => new ProtoConstant(ProtoConstantKind.Identifier, (bool)value ? "true" : "false"),
        FieldType.Enum => new ProtoConstant(ProtoConstantKind.Identifier, field.EnumType.FindValueByNumber(Convert.ToInt32(value, CultureInfo.InvariantCulture))?.Name
            ?? Convert.ToString(Convert.ToInt32(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)!),
        FieldType.String => new ProtoConstant(ProtoConstantKind.String, ProtoStrings.Escape((string)value)),
        FieldType.Bytes => new ProtoConstant(ProtoConstantKind.String, ProtoStrings.Escape(((ByteString)value).ToByteArray())),
        FieldType.Double or FieldType.Float => new ProtoConstant(ProtoConstantKind.Float, Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        _ => new ProtoConstant(ProtoConstantKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private static object? Value(FieldDescriptor field, ProtoConstant constant)
    {
        var text = constant.Text;
        return field.FieldType switch
        {
            FieldType.Bool => text switch { "true" => true, "false" => false, _ => null },
            FieldType.Enum => field.EnumType.FindValueByName(text) is { } value ? Enum.ToObject(field.EnumType.ClrType, value.Number) : null,
            FieldType.String when constant.Kind == ProtoConstantKind.String => DescriptorStrings.Unescape(text).ToStringUtf8(),
            FieldType.Bytes when constant.Kind == ProtoConstantKind.String => DescriptorStrings.Unescape(text),
            FieldType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            FieldType.Float when float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 when int.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 when long.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
            FieldType.UInt32 or FieldType.Fixed32 when uint.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
            FieldType.UInt64 or FieldType.Fixed64 when ulong.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }
}
