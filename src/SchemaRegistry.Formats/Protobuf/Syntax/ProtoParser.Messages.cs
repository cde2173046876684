using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

internal sealed partial class ProtoParser
{
    public const long MaxFieldNumber = (1 << 29) - 1;

    private ProtoMessage Message()
    {
        var position = Take().Position;
        Enter(position);
        var name = Identifier("a message name");
        Expect("{", $"to open message {name}");
        var fields = new List<ProtoField>();
        var oneofs = new List<ProtoOneof>();
        var messages = new List<ProtoMessage>();
        var enums = new List<ProtoEnum>();
        var extends = new List<ProtoExtend>();
        var reservedRanges = new List<ProtoRange>();
        var reservedNames = new List<string>();
        var extensionRanges = new List<ProtoRange>();
        var options = new List<ProtoOption>();
        while (InBlock($"message {name}", position))
        {
            var token = Peek;
            var next = PeekAt(1);
            var isBlock = next.Kind == TokenKind.Identifier && PeekAt(2).Is("{");
            var isFieldNamed = next.Kind == TokenKind.Identifier && PeekAt(2).Is("=");
            switch (token.Kind == TokenKind.Identifier ? token.Text : "")
            {
                case "message" when isBlock:
                    messages.Add(Message());
                    break;
                case "enum" when isBlock:
                    enums.Add(Enum());
                    break;
                case "extend" when !isFieldNamed:
                    extends.Add(Extend());
                    break;
                case "option":
                    options.Add(OptionStatement());
                    break;
                case "oneof" when isBlock:
                    Oneof(fields, oneofs);
                    break;
                case "reserved" when !isFieldNamed:
                    at++;
                    Reserved(reservedRanges, reservedNames, MaxFieldNumber, allowNegative: false);
                    break;
                case "extensions" when next.Kind == TokenKind.Integer:
                    at++;
                    extensionRanges.AddRange(Ranges(MaxFieldNumber, allowNegative: false));
                    if (Peek.Is("["))
                    {
                        FieldOptions();
                    }

                    Expect(";", "after the extension ranges");
                    break;
                default:
                    fields.Add(Field(oneof: null));
                    break;
            }
        }

        Leave();
        return new ProtoMessage(name, fields, oneofs, messages, enums, extends, reservedRanges, reservedNames, extensionRanges, options, position);
    }

    private ProtoField Field(string? oneof)
    {
        var position = Peek.Position;
        var label = ProtoLabel.None;
        if (oneof is null && Peek.Kind == TokenKind.Identifier && !PeekAt(1).Is("="))
        {
            label = Peek.Text switch
            {
                "optional" => ProtoLabel.Optional,
                "required" => ProtoLabel.Required,
                "repeated" => ProtoLabel.Repeated,
                _ => ProtoLabel.None,
            };
            if (label != ProtoLabel.None)
            {
                at++;
            }
        }

        if (Peek.Is("group") && PeekAt(1).Kind == TokenKind.Identifier)
        {
            throw new ProtoSyntaxException(Peek.Position, "group fields are not supported: declare a message and a field of that type");
        }

        ProtoType? mapKey = null;
        ProtoType type;
        if (Peek.Is("map") && PeekAt(1).Is("<"))
        {
            if (label != ProtoLabel.None || oneof is not null)
            {
                throw new ProtoSyntaxException(Peek.Position, "a map field takes no label and cannot be a oneof member");
            }

            at += 2;
            mapKey = TypeReference("the map's key type");
            Expect(",", "between the map's key and value types");
            type = TypeReference("the map's value type");
            Expect(">", "to close the map's types");
        }
        else
        {
            if (label == ProtoLabel.None && oneof is null && syntax == "proto2")
            {
                throw Expected("a label (optional, required or repeated) before a proto2 field");
            }

            type = TypeReference(oneof is null ? "a field: label, type or statement" : "a oneof member's type");
        }

        var name = Identifier("the field's name");
        Expect("=", $"after the field name {name}");
        var number = Integer("the field number", allowNegative: false);
        var options = Peek.Is("[") ? FieldOptions() : [];
        Expect(";", $"after field {name}");
        return new ProtoField(name, number, label, type, mapKey, oneof, options, position);
    }

    private void Oneof(List<ProtoField> fields, List<ProtoOneof> oneofs)
    {
        var position = Take().Position;
        var name = Identifier("the oneof's name");
        Expect("{", $"to open oneof {name}");
        var options = new List<ProtoOption>();
        while (InBlock($"oneof {name}", position))
        {
            if (Peek.Is("option"))
            {
                options.Add(OptionStatement());
                continue;
            }

            if (Peek.Text is "optional" or "required" or "repeated" && !PeekAt(2).Is("="))
            {
                throw new ProtoSyntaxException(Peek.Position, $"a oneof member takes no label, found '{Peek.Text}'");
            }

            fields.Add(Field(name));
        }

        oneofs.Add(new ProtoOneof(name, options, position));
    }

    private ProtoExtend Extend()
    {
        var position = Take().Position;
        Enter(position);
        var extendee = TypeReference("the extended message's name");
        Expect("{", "to open the extend block");
        var fields = new List<ProtoField>();
        while (InBlock($"extend {extendee.Name}", position))
        {
            fields.Add(Field(oneof: null));
        }

        Leave();
        return new ProtoExtend(extendee, fields, position);
    }

    private void Reserved(List<ProtoRange> ranges, List<string> names, long max, bool allowNegative)
    {
        if (Peek.Kind == TokenKind.String)
        {
            names.Add(StringValue());
            while (TryTake(","))
            {
                if (Peek.Kind != TokenKind.String)
                {
                    throw Expected("a reserved name as a string");
                }

                names.Add(StringValue());
            }
        }
        else if (Peek.Kind == TokenKind.Identifier && !Peek.Is("max"))
        {
            names.Add(Take().Text);
            while (TryTake(","))
            {
                names.Add(Identifier("a reserved name"));
            }
        }
        else
        {
            ranges.AddRange(Ranges(max, allowNegative));
        }

        Expect(";", "after the reserved numbers or names");
    }

    private List<ProtoRange> Ranges(long max, bool allowNegative)
    {
        var ranges = new List<ProtoRange>();
        do
        {
            var position = Peek.Position;
            var from = Integer("a number or range", allowNegative);
            var to = from;
            if (TryTake("to"))
            {
                to = TryTake("max") ? max : Integer("the range's upper end or 'max'", allowNegative);
            }

            if (to < from)
            {
                throw new ProtoSyntaxException(position, $"the range {from} to {to} is empty: its end is below its start");
            }

            ranges.Add(new ProtoRange(from, to));
        }
        while (TryTake(","));
        return ranges;
    }
}
