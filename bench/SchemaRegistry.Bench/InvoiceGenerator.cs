using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Bench;

/// <summary>
/// Deterministic invoice records for the benchmark: valid ones look like an ERP export, invalid ones carry one
/// defect (sometimes two) of the kinds producers really send.
/// </summary>
internal sealed class InvoiceGenerator
{
    private static readonly DateOnly FirstIssueDate = new(2023, 1, 1);
    private const int IssueDateSpanDays = 3 * 365;
    private const double SecondDefectShare = 0.1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Real producers write non-ASCII text as UTF-8, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Random random;
    private readonly double invalidShare;
    private readonly int totalDefectWeight;
    private readonly ArrayBufferWriter<byte> buffer = new(4096);

    public InvoiceGenerator(int seed, double invalidShare)
    {
        // Random(int) keeps its historical, seed-stable sequence across .NET versions.
        random = new Random(seed);
        this.invalidShare = invalidShare;
        totalDefectWeight = InvoiceVocabulary.DefectWeights.Sum(d => d.Weight);
    }

    public GeneratedInvoice Next(int sequence)
    {
        var invoice = BuildValid(sequence);
        var label = GeneratedInvoice.ValidLabel;
        if (random.NextDouble() < invalidShare)
        {
            var main = PickDefect();
            var details = new List<string>(2);
            if (random.NextDouble() < SecondDefectShare)
            {
                // The extra defect goes in first, so the main one, applied last, is certainly still there.
                var extra = Pick(InvoiceVocabulary.LeafDefects.Where(d => d != main).ToArray());
                details.Add(Apply(invoice, extra));
            }
            details.Add(Apply(invoice, main));
            details.Reverse();
            label = string.Join(" + ", details);
        }

        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            invoice.WriteTo(writer);
        }
        return new GeneratedInvoice(buffer.WrittenSpan.ToArray(), label);
    }

    private JsonObject BuildValid(int sequence)
    {
        var country = Pick(InvoiceVocabulary.Countries);
        var company = Pick(country.Companies);
        var issueDate = FirstIssueDate.AddDays(random.Next(IssueDateSpanDays));
        var terms = random.Next(10) == 0 ? InvoiceVocabulary.PaymentTerms[^1] : Pick(InvoiceVocabulary.PaymentTerms[..^1]);
        var wholeUnits = country.Currency == "JPY";

        var customer = new JsonObject
        {
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"CUST-{random.Next(1_000_000):D6}"),
            ["name"] = company.Name,
            ["email"] = Email(company.Domain),
            ["country"] = country.Code,
        };
        if (country.VatPrefixFormat is not null && random.Next(10) < 8)
        {
            customer["vat_number"] = FromTemplate(country.VatPrefixFormat);
        }
        if (random.Next(10) < 8)
        {
            customer["billing_address"] = Address(country);
        }

        var lineItems = new JsonArray();
        var subtotal = 0m;
        var itemCount = ItemCount();
        for (var i = 0; i < itemCount; i++)
        {
            var (item, net) = LineItem(wholeUnits);
            lineItems.Add(item);
            subtotal += net;
        }
        subtotal = Money(subtotal, wholeUnits);
        var taxAmount = Money(subtotal * country.TaxRate, wholeUnits);

        var invoice = new JsonObject
        {
            ["invoice_id"] = string.Create(CultureInfo.InvariantCulture, $"INV-{20_000_000 + sequence:D8}"),
            ["issue_date"] = IsoDate(issueDate),
            ["due_date"] = IsoDate(issueDate.AddDays(terms.Days)),
            ["customer"] = customer,
            ["currency"] = country.Currency,
            ["status"] = PickWeighted(InvoiceVocabulary.Statuses),
            ["line_items"] = lineItems,
            ["subtotal"] = subtotal,
            ["tax_rate"] = country.TaxRate,
            ["tax_amount"] = taxAmount,
            ["total_amount"] = subtotal + taxAmount,
        };
        if (random.Next(10) < 9)
        {
            invoice["payment_terms"] = terms.Name;
        }
        switch (random.Next(10))
        {
            case < 5:
                invoice["purchase_order"] = string.Create(CultureInfo.InvariantCulture, $"PO-{issueDate.Year}-{random.Next(100_000):D5}");
                break;
            case < 7:
                invoice["purchase_order"] = null;
                break;
        }
        if (random.Next(10) < 4)
        {
            invoice["notes"] = random.Next(3) == 0
                ? Pick(InvoiceVocabulary.Notes) + " " + Pick(InvoiceVocabulary.Notes)
                : Pick(InvoiceVocabulary.Notes);
        }
        if (random.Next(10) < 6)
        {
            var tags = new JsonArray();
            var tagCount = 1 + random.Next(4);
            for (var i = 0; i < tagCount; i++)
            {
                // Duplicates happen in real exports and the schema allows them (uniqueItems: false).
                tags.Add(Pick(InvoiceVocabulary.Tags));
            }
            invoice["tags"] = tags;
        }
        return invoice;
    }

    private int ItemCount() => random.Next(100) switch
    {
        < 35 => 1,
        < 70 => 2,
        < 88 => 3,
        < 96 => 4,
        _ => 5 + random.Next(4),
    };

    private (JsonObject Item, decimal Net) LineItem(bool wholeUnits)
    {
        var product = Pick(InvoiceVocabulary.Products);
        var sku = string.Create(CultureInfo.InvariantCulture, $"{product.Prefix}-{random.Next(10_000):D4}");
        if (random.Next(3) == 0)
        {
            sku += "-" + Pick(InvoiceVocabulary.SkuSuffixes);
        }
        var quantity = random.Next(10) switch
        {
            < 5 => 1 + random.Next(5),
            < 9 => 1 + random.Next(50),
            // Bulk quantities only for consumables; nobody buys a thousand support contracts.
            _ => product.MaxPrice < 100m ? 100 + random.Next(2_000) : 1 + random.Next(10),
        };
        var price = product.MinPrice + ((product.MaxPrice - product.MinPrice) * (decimal)random.NextDouble());
        price = wholeUnits ? Math.Round(price * 150m) : Math.Round(price, 2);
        var item = new JsonObject
        {
            ["sku"] = sku,
            ["description"] = product.Description,
            ["quantity"] = quantity,
            ["unit_price"] = price,
        };
        var net = quantity * price;
        if (random.Next(5) == 0)
        {
            var discount = Pick([5m, 10m, 12.5m, 15m, 20m]);
            item["discount_pct"] = discount;
            net -= net * discount / 100m;
        }
        if (random.Next(2) == 0)
        {
            item["tax_code"] = Pick(InvoiceVocabulary.TaxCodes);
        }
        return (item, net);
    }

    private JsonObject Address(CountryProfile country)
    {
        var number = (1 + random.Next(240)).ToString(CultureInfo.InvariantCulture);
        var street = Pick(country.Streets);
        return new JsonObject
        {
            ["street"] = country.HouseNumberFirst ? $"{number} {street}" : $"{street} {number}",
            ["city"] = Pick(country.Cities),
            ["postal_code"] = FromTemplate(country.PostalFormat),
            ["country"] = country.Code,
        };
    }

    private string Email(string domain)
    {
        var first = Pick(InvoiceVocabulary.FirstNames);
        var last = Pick(InvoiceVocabulary.LastNames);
        return random.Next(5) switch
        {
            0 => $"{Pick(InvoiceVocabulary.MailboxNames)}@{domain}",
            1 => $"{first[0]}.{last}@{domain}",
            2 => $"billing+{last}@{domain}",
            _ => $"{first}.{last}@{domain}",
        };
    }

    private string Apply(JsonObject invoice, InvoiceDefect defect)
    {
        var detail = defect switch
        {
            InvoiceDefect.BadDate => BadDate(invoice),
            InvoiceDefect.BadEmail => BadEmail(invoice),
            InvoiceDefect.NegativeAmount => NegativeAmount(invoice),
            InvoiceDefect.UnknownEnum => UnknownEnum(invoice),
            InvoiceDefect.MissingLineItemField => MissingLineItemField(invoice),
            InvoiceDefect.ExtraProperty => ExtraProperty(invoice),
            InvoiceDefect.TooLongString => TooLongString(invoice),
            InvoiceDefect.PatternMismatch => PatternMismatch(invoice),
            InvoiceDefect.WrongType => WrongType(invoice),
            InvoiceDefect.OutOfRange => OutOfRange(invoice),
            InvoiceDefect.EmptyLineItems => EmptyLineItems(invoice),
            InvoiceDefect.MissingRequiredField => MissingRequiredField(invoice),
            InvoiceDefect.NonIntegerQuantity => NonIntegerQuantity(invoice),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        return $"{defect}({detail})";
    }

    private string BadDate(JsonObject invoice)
    {
        var field = random.Next(2) == 0 ? "issue_date" : "due_date";
        var date = DateOnly.ParseExact((string)invoice[field]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] variants =
        [
            $"{date:yyyy}-02-30",
            "2023-02-29",
            $"{date:yyyy}-06-31",
            $"{date:yyyy}-13-{date:dd}",
            $"{date:yyyy}-00-{date:dd}",
            $"{date:dd}/{date:MM}/{date:yyyy}",
            $"{date:yyyy}/{date:MM}/{date:dd}",
            $"{date:yyyyMMdd}",
            $"{date:yyyy-MM-dd}T09:30:00Z",
            $"{date:dd}.{date:MM}.{date:yy}",
        ];
        return Set(invoice, field, Pick(variants));
    }

    private string BadEmail(JsonObject invoice)
    {
        var customer = (JsonObject)invoice["customer"]!;
        var email = (string)customer["email"]!;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var (local, domain) = (email[..at], email[(at + 1)..]);
        string[] variants =
        [
            local,
            $"{local}@",
            $"@{domain}",
            $"{local}@@{domain}",
            local.Contains('.', StringComparison.Ordinal) ? $"{local.Replace('.', ' ')}@{domain}" : $"accounts {local}@{domain}",
            $"{local}@{domain}.",
            $"{local}@.{domain}",
            $"{local}..x@{domain}",
            $"{local}@{domain.Replace('-', '_').Replace('.', '_')}.com",
            $"\"{local}\" <{local}@{domain}>",
            $"{local}@{domain}; accounts@{domain}",
        ];
        return Set(customer, "email", Pick(variants));
    }

    private string NegativeAmount(JsonObject invoice)
    {
        if (random.Next(4) == 0)
        {
            var item = RandomItem(invoice);
            return "line_items[]." + Set(item, "unit_price", -Math.Max((decimal)item["unit_price"]!, 0.01m));
        }
        var field = Pick(["total_amount", "total_amount", "subtotal", "tax_amount"]);
        // -0.00 is not below zero, so the amount is at least one cent.
        return Set(invoice, field, -Math.Max((decimal)invoice[field]!, 0.01m));
    }

    private string UnknownEnum(JsonObject invoice)
    {
        switch (random.Next(5))
        {
            case 0:
                return Set(invoice, "currency", Pick(["EURO", "usd", "XBT", "RMB", "Eur"]));
            case 1:
                return Set(invoice, "status", Pick(["pending", "PAID", "cancelled", "Draft"]));
            case 2:
                return "customer." + Set((JsonObject)invoice["customer"]!, "country", Pick(["UK", "Germany", "de", "XX", "EU"]));
            case 3:
                return Set(invoice, "payment_terms", Pick(["NET90", "net30", "Net 30", "COD"]));
            default:
                return "line_items[]." + Set(RandomItem(invoice), "tax_code", Pick(["standard-rate", "Reduced", "VAT20"]));
        }
    }

    private string MissingLineItemField(JsonObject invoice)
    {
        var field = Pick(["sku", "description", "quantity", "unit_price"]);
        RandomItem(invoice).Remove(field);
        return "line_items[]." + field;
    }

    private string ExtraProperty(JsonObject invoice)
    {
        var customer = (JsonObject)invoice["customer"]!;
        switch (random.Next(6))
        {
            case 0:
                return Set(invoice, "discount_code", "SPRING24");
            case 1:
                // A key that differs from a declared one only in case is still an unknown key.
                return Set(invoice, "Total_Amount", invoice["total_amount"]!.DeepClone());
            case 2:
                return Set(invoice, "created_by", "erp-export@batch-07");
            case 3:
                return "customer." + Set(customer, "phone", "+49 30 1234567");
            case 4 when customer["billing_address"] is JsonObject address:
                return "customer.billing_address." + Set(address, "state", "NY");
            default:
                return "line_items[]." + Set(RandomItem(invoice), Pick(["unit", "color", "warehouse"]), "pcs");
        }
    }

    private string TooLongString(JsonObject invoice)
    {
        var customer = (JsonObject)invoice["customer"]!;
        switch (random.Next(7))
        {
            case 0:
                return "customer." + Lengthen(customer, "name", 80);
            case 1:
                return "line_items[]." + Lengthen(RandomItem(invoice), "description", 120);
            case 2:
                invoice["notes"] ??= Pick(InvoiceVocabulary.Notes);
                return Lengthen(invoice, "notes", 500);
            case 3:
                invoice["purchase_order"] ??= "PO-2024-00001";
                return Lengthen(invoice, "purchase_order", 40);
            case 4 when customer["billing_address"] is JsonObject address:
                return "customer.billing_address." + Lengthen(address, "street", 100);
            case 5 when customer["billing_address"] is JsonObject address:
                return "customer.billing_address." + Lengthen(address, "city", 60);
            default:
                if (invoice["tags"] is not JsonArray tags)
                {
                    tags = [Pick(InvoiceVocabulary.Tags)];
                    invoice["tags"] = tags;
                }
                var longTag = "needs-review-by-finance-controller-before-payment-run";
                tags.Add(longTag);
                return $"tags[] ({longTag.Length} characters, at most 32)";
        }
    }

    private string PatternMismatch(JsonObject invoice)
    {
        var customer = (JsonObject)invoice["customer"]!;
        var digits = ((string)invoice["invoice_id"]!)[4..];
        switch (random.Next(6))
        {
            case 0:
            case 1:
                return Set(invoice, "invoice_id", Pick([
                    "INV-" + digits[1..], "inv-" + digits, "INV-" + digits + "7", "INV_" + digits, "INV-" + digits[..7] + "O", "INV " + digits]));
            case 2:
                var id = ((string)customer["id"]!)[5..];
                return "customer." + Set(customer, "id", Pick(["CUST-" + id[1..], "C-" + id, "cust-" + id, "CUST" + id]));
            case 3 when customer["vat_number"] is JsonNode vat:
                var number = (string)vat!;
                return "customer." + Set(customer, "vat_number", Pick([
                    number.ToLowerInvariant(), number[..2] + " " + number[2..5] + " " + number[5..], number[..2] + "-" + number[2..]]));
            case 4 when customer["billing_address"] is JsonObject address:
                var postal = (string)address["postal_code"]!;
                return "customer.billing_address." + Set(address, "postal_code", Pick([postal.ToLowerInvariant() + "x", postal + "-", "-" + postal]));
            default:
                var item = RandomItem(invoice);
                var sku = (string)item["sku"]!;
                return "line_items[]." + Set(item, "sku", Pick([
                    sku.ToLowerInvariant(), sku.Replace("-", "", StringComparison.Ordinal), sku[..8] + "-XYZ", sku[..4] + "0" + sku[4..8]]));
        }
    }

    private string WrongType(JsonObject invoice)
    {
        switch (random.Next(6))
        {
            case 0:
                return Set(invoice, "total_amount", ((decimal)invoice["total_amount"]!).ToString(CultureInfo.InvariantCulture));
            case 1:
                var item = RandomItem(invoice);
                return "line_items[]." + Set(item, "quantity", ((int)item["quantity"]!).ToString(CultureInfo.InvariantCulture));
            case 2:
                return Set(invoice, "tax_rate", ((decimal)invoice["tax_rate"]!).ToString(CultureInfo.InvariantCulture));
            case 3:
                return Set(invoice, "tags", "priority");
            case 4:
                var items = (JsonArray)invoice["line_items"]!;
                var first = items[0]!;
                items.RemoveAt(0);
                invoice["line_items"] = first;
                return "line_items: an object, not an array";
            default:
                return Set(invoice, "purchase_order", 4_500_012_345L);
        }
    }

    private string OutOfRange(JsonObject invoice)
    {
        switch (random.Next(3))
        {
            case 0:
                var rate = (decimal)invoice["tax_rate"]!;
                // A percentage where a fraction belongs, the classic unit mix-up.
                return Set(invoice, "tax_rate", rate > 0.01m ? rate * 100m : 5m);
            case 1:
                return "line_items[]." + Set(RandomItem(invoice), "quantity", Pick([0, -1, 250_000]));
            default:
                return "line_items[]." + Set(RandomItem(invoice), "discount_pct", Pick([150m, -5m, 100.5m]));
        }
    }

    private static string EmptyLineItems(JsonObject invoice)
    {
        invoice["line_items"] = new JsonArray();
        return "line_items: []";
    }

    private string MissingRequiredField(JsonObject invoice)
    {
        var customer = (JsonObject)invoice["customer"]!;
        if (random.Next(4) == 0)
        {
            var field = Pick(["id", "name", "email", "country"]);
            customer.Remove(field);
            return "customer." + field;
        }
        var top = Pick(["invoice_id", "issue_date", "due_date", "currency", "status", "subtotal", "tax_rate", "tax_amount", "total_amount", "customer"]);
        invoice.Remove(top);
        return top;
    }

    private string NonIntegerQuantity(JsonObject invoice)
    {
        var item = RandomItem(invoice);
        return "line_items[]." + Set(item, "quantity", (int)item["quantity"]! + Pick([0.5m, 0.25m, 0.75m]));
    }

    private string Lengthen(JsonObject owner, string field, int maxLength)
    {
        var text = new StringBuilder((string)owner[field]!);
        var target = maxLength + 1 + random.Next(60);
        while (text.Length < target)
        {
            text.Append(' ').Append(Pick(InvoiceVocabulary.Padding));
        }
        owner[field] = text.ToString();
        return $"{field} ({text.Length} characters, at most {maxLength})";
    }

    private JsonObject RandomItem(JsonObject invoice)
    {
        var items = (JsonArray)invoice["line_items"]!;
        return (JsonObject)items[random.Next(items.Count)]!;
    }

    private static string Set(JsonObject owner, string field, JsonNode? value)
    {
        owner[field] = value;
        return $"{field}={value?.ToJsonString() ?? "null"}";
    }

    private InvoiceDefect PickDefect()
    {
        var roll = random.Next(totalDefectWeight);
        foreach (var (defect, weight) in InvoiceVocabulary.DefectWeights)
        {
            if (roll < weight)
            {
                return defect;
            }
            roll -= weight;
        }
        throw new InvalidOperationException("Defect weights do not add up.");
    }

    private string PickWeighted((string Name, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (name, weight) in choices)
        {
            if (roll < weight)
            {
                return name;
            }
            roll -= weight;
        }
        throw new InvalidOperationException("Weights do not add up.");
    }

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];

    private string FromTemplate(string template)
    {
        var text = new StringBuilder(template.Length);
        foreach (var c in template)
        {
            text.Append(c switch
            {
                '9' => (char)('0' + random.Next(10)),
                'A' => (char)('A' + random.Next(26)),
                _ => c,
            });
        }
        return text.ToString();
    }

    private static decimal Money(decimal amount, bool wholeUnits) =>
        Math.Round(amount, wholeUnits ? 0 : 2, MidpointRounding.AwayFromZero);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
