using System.Globalization;
using System.Numerics;
using System.Text;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

internal sealed partial class ProtoParser
{
    private ProtoOption OptionStatement()
    {
        at++;
        var option = Option();
        Expect(";", $"after option {option.Name}");
        return option;
    }

    private List<ProtoOption> FieldOptions()
    {
        Expect("[", "to open the options");
        var options = new List<ProtoOption> { Option() };
        while (TryTake(","))
        {
            options.Add(Option());
        }

        Expect("]", "to close the options");
        return options;
    }

    private ProtoOption Option()
    {
        var name = OptionNamePart();
        while (TryTake("."))
        {
            name += "." + OptionNamePart();
        }

        Expect("=", $"after the option name {name}");
        return new ProtoOption(name, Constant());
    }

    private string OptionNamePart()
    {
        if (!TryTake("("))
        {
            return Identifier("an option name");
        }

        var extension = (TryTake(".") ? "." : "") + FullIdentifier("an extension's name");
        Expect(")", "to close the extension's name");
        return $"({extension})";
    }

    private ProtoConstant Constant()
    {
        var token = Peek;
        if (token.Kind == TokenKind.String)
        {
            var first = Take();
            var canonical = first.Canonical;
            while (Peek.Kind == TokenKind.String)
            {
                canonical += Take().Canonical;
            }

            return new ProtoConstant(ProtoConstantKind.String, canonical);
        }

        if (token.Is("{"))
        {
            var builder = new StringBuilder();
            Aggregate(builder);
            return new ProtoConstant(ProtoConstantKind.Aggregate, builder.ToString());
        }

        var sign = "";
        if (token.Is("-") || token.Is("+"))
        {
            sign = Take().Text == "-" ? "-" : "";
        }

        var value = Peek;
        switch (value.Kind)
        {
            case TokenKind.Integer:
                at++;
                return new ProtoConstant(ProtoConstantKind.Integer, sign + ParseInteger(value).ToString(CultureInfo.InvariantCulture));
            case TokenKind.Float:
                at++;
                if (!double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new ProtoSyntaxException(value.Position, $"'{value.Text}' is not a number");
                }

                return new ProtoConstant(ProtoConstantKind.Float, sign + number.ToString("R", CultureInfo.InvariantCulture));
            case TokenKind.Identifier:
                var name = FullIdentifier("a constant");
                if (sign.Length > 0 && name is not ("inf" or "nan"))
                {
                    throw new ProtoSyntaxException(value.Position, $"expected a number after '-', found '{name}'");
                }

                return new ProtoConstant(ProtoConstantKind.Identifier, sign + name);
            default:
                throw Expected("a constant (number, string, identifier or {...})");
        }
    }

    /// <summary>A text-format message value, kept as its tokens (strings canonical) joined by single spaces.</summary>
    private void Aggregate(StringBuilder builder)
    {
        var open = Take();
        Enter(open.Position);
        builder.Append('{');
        while (!Peek.Is("}"))
        {
            var token = Peek;
            if (token.Kind == TokenKind.End)
            {
                throw new ProtoSyntaxException(token.Position, $"expected '}}' to close the option value opened at {open.Position}, found the end of the text");
            }

            builder.Append(' ');
            if (token.Is("{"))
            {
                Aggregate(builder);
                continue;
            }

            at++;
            builder.Append(token.Kind == TokenKind.String ? $"\"{token.Canonical}\"" : token.Text);
        }

        at++;
        builder.Append(" }");
        Leave();
    }

    private long Integer(string what, bool allowNegative)
    {
        var negative = allowNegative && TryTake("-");
        if (Peek.Kind != TokenKind.Integer)
        {
            throw Expected(what);
        }

        var token = Take();
        var value = ParseInteger(token);
        if (negative)
        {
            value = -value;
        }

        if (value > long.MaxValue || value < long.MinValue)
        {
            throw new ProtoSyntaxException(token.Position, $"the number {token.Text} is out of range");
        }

        return (long)value;
    }

    private static BigInteger ParseInteger(Token token)
    {
        var text = token.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (text.Length > 1 && text[0] == '0')
        {
            var value = BigInteger.Zero;
            foreach (var digit in text[1..])
            {
                if (digit > '7')
                {
                    throw new ProtoSyntaxException(token.Position, $"'{text}' is not an octal number");
                }

                value = (value * 8) + (digit - '0');
            }

            return value;
        }

        return BigInteger.Parse(text, CultureInfo.InvariantCulture);
    }
}
