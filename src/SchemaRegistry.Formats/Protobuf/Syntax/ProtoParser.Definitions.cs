using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

internal sealed partial class ProtoParser
{
    public const long MaxEnumNumber = int.MaxValue;

    private ProtoEnum Enum()
    {
        var position = Take().Position;
        var name = Identifier("an enum name");
        Expect("{", $"to open enum {name}");
        var values = new List<ProtoEnumValue>();
        var options = new List<ProtoOption>();
        var reservedRanges = new List<ProtoRange>();
        var reservedNames = new List<string>();
        while (InBlock($"enum {name}", position))
        {
            if (Peek.Is("option"))
            {
                options.Add(OptionStatement());
            }
            else if (Peek.Is("reserved") && !PeekAt(1).Is("="))
            {
                at++;
                Reserved(reservedRanges, reservedNames, MaxEnumNumber, allowNegative: true);
            }
            else
            {
                var valuePosition = Peek.Position;
                var valueName = Identifier($"an enum value name or '}}' in enum {name}");
                Expect("=", $"after the enum value {valueName}");
                var number = Integer("the enum value's number", allowNegative: true);
                var valueOptions = Peek.Is("[") ? FieldOptions() : [];
                Expect(";", $"after the enum value {valueName}");
                values.Add(new ProtoEnumValue(valueName, number, valueOptions, valuePosition));
            }
        }

        return new ProtoEnum(name, values, options, reservedRanges, reservedNames, position);
    }

    private ProtoService Service()
    {
        var position = Take().Position;
        var name = Identifier("a service name");
        Expect("{", $"to open service {name}");
        var methods = new List<ProtoMethod>();
        var options = new List<ProtoOption>();
        while (InBlock($"service {name}", position))
        {
            if (Peek.Is("option"))
            {
                options.Add(OptionStatement());
                continue;
            }

            if (!Peek.Is("rpc"))
            {
                throw Expected($"'rpc', 'option' or '}}' in service {name}");
            }

            methods.Add(Rpc());
        }

        return new ProtoService(name, methods, options, position);
    }

    private ProtoMethod Rpc()
    {
        var position = Take().Position;
        var name = Identifier("the rpc's name");
        Expect("(", $"before the request type of rpc {name}");
        var inputStreams = Peek.Is("stream") && !PeekAt(1).Is(")") && TryTake("stream");
        var input = TypeReference("the request type");
        Expect(")", "after the request type");
        Expect("returns", $"after the request type of rpc {name}");
        Expect("(", "before the response type");
        var outputStreams = Peek.Is("stream") && !PeekAt(1).Is(")") && TryTake("stream");
        var output = TypeReference("the response type");
        Expect(")", "after the response type");
        var options = new List<ProtoOption>();
        if (Peek.Is("{"))
        {
            var opened = Take().Position;
            while (InBlock($"rpc {name}", opened))
            {
                if (!Peek.Is("option"))
                {
                    throw Expected($"'option' or '}}' in rpc {name}");
                }

                options.Add(OptionStatement());
            }
        }
        else
        {
            Expect(";", $"after rpc {name}");
        }

        return new ProtoMethod(name, input, inputStreams, output, outputStreams, options, position);
    }
}
