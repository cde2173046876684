using System.Text;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;

namespace SchemaRegistry.Formats.Protobuf.Normalising;

/// <summary>
/// Writes a linked file as canonical text (rules in docs/formats-protobuf.md): comments and layout dropped, type names
/// fully qualified, imports and options sorted, fields by number, enums, services and extends by name; messages keep
/// their declaration order because Confluent's message indexes count it, and enum values theirs because the first
/// is the default.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public static string Write(ProtoFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var writer = new ProtoWriter();
        writer.File(file);
        return writer.text.ToString();
    }

    private void Line(string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

    private void File(ProtoFile file)
    {
        Line($"syntax = \"{file.Syntax}\";");
        if (file.Package is not null)
        {
            Line($"package {file.Package};");
        }

        foreach (var import in file.Imports.DistinctBy(import => import.Path).OrderBy(import => import.Path, StringComparer.Ordinal))
        {
            var modifier = import.Kind switch { ProtoImportKind.Public => "public ", ProtoImportKind.Weak => "weak ", _ => "" };
            Line($"import {modifier}{ProtoStrings.Quote(import.Path)};");
        }

        Options(file.Options);
        foreach (var message in file.Messages)
        {
            Message(message);
        }

        foreach (var @enum in file.Enums.OrderBy(@enum => @enum.Name, StringComparer.Ordinal))
        {
            Enum(@enum);
        }

        Extends(file.Extends);
        foreach (var service in file.Services.OrderBy(service => service.Name, StringComparer.Ordinal))
        {
            Service(service);
        }
    }

    private void Options(IEnumerable<ProtoOption> options)
    {
        foreach (var option in Sorted(options))
        {
            Line($"option {option.Name} = {option.Value.Write()};");
        }
    }

    private void Message(ProtoMessage message)
    {
        Open($"message {message.Name}");
        Options(message.Options);
        foreach (var field in message.Fields.Where(field => field.Oneof is null).OrderBy(field => field.Number))
        {
            Field(field);
        }

        var oneofs = message.Oneofs
            .Select(oneof => (oneof, members: message.Fields.Where(field => field.Oneof == oneof.Name).OrderBy(field => field.Number).ToList()))
            .OrderBy(pair => pair.members.Count == 0 ? long.MaxValue : pair.members[0].Number)
            .ThenBy(pair => pair.oneof.Name, StringComparer.Ordinal);
        foreach (var (oneof, members) in oneofs)
        {
            Open($"oneof {oneof.Name}");
            Options(oneof.Options);
            members.ForEach(Field);
            Close();
        }

        Ranges("reserved", message.ReservedRanges, ProtoParser.MaxFieldNumber);
        ReservedNames(message.ReservedNames);
        Ranges("extensions", message.ExtensionRanges, ProtoParser.MaxFieldNumber);
        foreach (var nested in message.Messages)
        {
            Message(nested);
        }

        foreach (var @enum in message.Enums.OrderBy(@enum => @enum.Name, StringComparer.Ordinal))
        {
            Enum(@enum);
        }

        Extends(message.Extends);
        Close();
    }

    private void Field(ProtoField field)
    {
        var label = field.Label switch
        {
            ProtoLabel.Optional => "optional ",
            ProtoLabel.Required => "required ",
            ProtoLabel.Repeated => "repeated ",
            _ => "",
        };
        var type = field.MapKey is { } key ? $"map<{key.Name}, {field.Type.Name}>" : field.Type.Name;
        Line($"{label}{type} {field.Name} = {field.Number}{Inline(field.Options)};");
    }

    private void Enum(ProtoEnum @enum)
    {
        Open($"enum {@enum.Name}");
        Options(@enum.Options);
        foreach (var value in @enum.Values)
        {
            Line($"{value.Name} = {value.Number}{Inline(value.Options)};");
        }

        Ranges("reserved", @enum.ReservedRanges, ProtoParser.MaxEnumNumber);
        ReservedNames(@enum.ReservedNames);
        Close();
    }

    private void Extends(IEnumerable<ProtoExtend> extends)
    {
        foreach (var extend in extends.OrderBy(extend => extend.Extendee.Name, StringComparer.Ordinal))
        {
            Open($"extend {extend.Extendee.Name}");
            foreach (var field in extend.Fields.OrderBy(field => field.Number))
            {
                Field(field);
            }

            Close();
        }
    }

    private void Service(ProtoService service)
    {
        Open($"service {service.Name}");
        Options(service.Options);
        foreach (var method in service.Methods.OrderBy(method => method.Name, StringComparer.Ordinal))
        {
            var input = (method.InputStreams ? "stream " : "") + method.Input.Name;
            var output = (method.OutputStreams ? "stream " : "") + method.Output.Name;
            var signature = $"rpc {method.Name}({input}) returns ({output})";
            if (method.Options.Count == 0)
            {
                Line(signature + ";");
                continue;
            }

            Open(signature);
            Options(method.Options);
            Close();
        }

        Close();
    }

    private void Ranges(string keyword, IReadOnlyList<ProtoRange> ranges, long max)
    {
        if (ranges.Count > 0)
        {
            Line($"{keyword} {string.Join(", ", ranges.OrderBy(range => range.From).ThenBy(range => range.To).Select(range => range.Write(max)))};");
        }
    }

    private void ReservedNames(IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            Line($"reserved {string.Join(", ", names.Distinct().Order(StringComparer.Ordinal).Select(ProtoStrings.Quote))};");
        }
    }

    private void Open(string header)
    {
        Line(header + " {");
        indent++;
    }

    private void Close()
    {
        indent--;
        Line("}");
    }

    private static string Inline(IReadOnlyList<ProtoOption> options) =>
        options.Count == 0 ? "" : $" [{string.Join(", ", Sorted(options).Select(option => $"{option.Name} = {option.Value.Write()}"))}]";

    private static IEnumerable<ProtoOption> Sorted(IEnumerable<ProtoOption> options) =>
        options.OrderBy(option => option.Name, StringComparer.Ordinal).ThenBy(option => option.Value.Text, StringComparer.Ordinal);
}
