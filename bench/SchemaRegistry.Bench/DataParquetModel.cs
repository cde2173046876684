using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaRegistry.Bench;

/// <summary>
/// An invoice as a Parquet row (written by Parquet.Net's class serialiser): <c>customer</c> a struct with a nested
/// <c>billing_address</c> struct, <c>line_items</c> a list of structs, <c>tags</c> a list of strings, dates as DATE,
/// amounts as DOUBLE, quantities as INT32, the rest as strings; every column optional, null where the record has no
/// value. <see cref="TryFrom"/> refuses records whose values no such row holds as they are.
/// </summary>
internal sealed class DataParquetInvoice
{
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; set; }

    [JsonPropertyName("issue_date")]
    public DateOnly? IssueDate { get; set; }

    [JsonPropertyName("due_date")]
    public DateOnly? DueDate { get; set; }

    [JsonPropertyName("customer")]
    public DataParquetCustomer? Customer { get; set; }

    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("line_items")]
    public List<DataParquetLineItem>? LineItems { get; set; }

    [JsonPropertyName("subtotal")]
    public double? Subtotal { get; set; }

    [JsonPropertyName("tax_rate")]
    public double? TaxRate { get; set; }

    [JsonPropertyName("tax_amount")]
    public double? TaxAmount { get; set; }

    [JsonPropertyName("total_amount")]
    public double? TotalAmount { get; set; }

    [JsonPropertyName("payment_terms")]
    public string? PaymentTerms { get; set; }

    [JsonPropertyName("purchase_order")]
    public string? PurchaseOrder { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("tags")]
    public List<string?>? Tags { get; set; }

    /// <summary>The row for <paramref name="record"/>, or null with why it cannot be one.</summary>
    public static DataParquetInvoice? TryFrom(JsonElement record, out string? why)
    {
        why = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            why = "not an object";
            return null;
        }
        var row = new DataParquetInvoice();
        var reader = new ValueReader();
        foreach (var property in record.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "invoice_id": row.InvoiceId = reader.String(value); break;
                case "issue_date": row.IssueDate = reader.Date(value); break;
                case "due_date": row.DueDate = reader.Date(value); break;
                case "customer": row.Customer = reader.Struct(value, DataParquetCustomer.TryFrom); break;
                case "currency": row.Currency = reader.String(value); break;
                case "status": row.Status = reader.String(value); break;
                case "line_items": row.LineItems = reader.List(value, DataParquetLineItem.TryFrom); break;
                case "subtotal": row.Subtotal = reader.Double(value); break;
                case "tax_rate": row.TaxRate = reader.Double(value); break;
                case "tax_amount": row.TaxAmount = reader.Double(value); break;
                case "total_amount": row.TotalAmount = reader.Double(value); break;
                case "payment_terms": row.PaymentTerms = reader.String(value); break;
                case "purchase_order": row.PurchaseOrder = reader.String(value); break;
                case "notes": row.Notes = reader.String(value); break;
                case "tags": row.Tags = reader.Strings(value); break;
                default: reader.Fail("a field no column holds"); break;
            }
        }
        why = reader.Why;
        return why is null ? row : null;
    }

    /// <summary>Reads JSON values into column values; the first value a column cannot hold as it is sets <see cref="Why"/>.</summary>
    internal sealed class ValueReader
    {
        public string? Why { get; private set; }

        public void Fail(string why) => Why ??= why;

        public string? String(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Null: return null;
                default: Fail("a string column's value of another type"); return null;
            }
        }

        public DateOnly? Date(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            // Only text that is a calendar date and reads back as the same text: a DATE column holds nothing else.
            if (value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == value.GetString())
            {
                return date;
            }
            Fail("a date that is not a calendar date");
            return null;
        }

        public double? Double(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number): return number;
                case JsonValueKind.Null: return null;
                default: Fail("a number column's value of another type"); return null;
            }
        }

        public int? Int(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetInt32(out var number): return number;
                case JsonValueKind.Null: return null;
                default: Fail("an integer column's value that is not an integer"); return null;
            }
        }

        public T? Struct<T>(JsonElement value, Func<JsonElement, ValueReader, T?> read)
            where T : class
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object: return read(value, this);
                case JsonValueKind.Null: return null;
                default: Fail("a struct column's value that is not an object"); return null;
            }
        }

        public List<T>? List<T>(JsonElement value, Func<JsonElement, ValueReader, T?> read)
            where T : class
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail("a list column's value that is not an array");
                return null;
            }
            var list = new List<T>();
            foreach (var element in value.EnumerateArray())
            {
                // Parquet.Net 6.1 writes a null struct inside a list in a way no reader can place (see the reader's tests).
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Fail("a list of structs holding something else");
                    return null;
                }
                if (read(element, this) is { } item)
                {
                    list.Add(item);
                }
            }
            return list;
        }

        public List<string?>? Strings(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail("a list column's value that is not an array");
                return null;
            }
            var list = new List<string?>();
            foreach (var element in value.EnumerateArray())
            {
                list.Add(String(element));
            }
            return list;
        }
    }
}

internal sealed class DataParquetCustomer
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("vat_number")]
    public string? VatNumber { get; set; }

    [JsonPropertyName("billing_address")]
    public DataParquetAddress? BillingAddress { get; set; }

    public static DataParquetCustomer TryFrom(JsonElement value, DataParquetInvoice.ValueReader reader)
    {
        var customer = new DataParquetCustomer();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id": customer.Id = reader.String(property.Value); break;
                case "name": customer.Name = reader.String(property.Value); break;
                case "email": customer.Email = reader.String(property.Value); break;
                case "country": customer.Country = reader.String(property.Value); break;
                case "vat_number": customer.VatNumber = reader.String(property.Value); break;
                case "billing_address": customer.BillingAddress = reader.Struct(property.Value, DataParquetAddress.TryFrom); break;
                default: reader.Fail("a field no column holds"); break;
            }
        }
        return customer;
    }
}

internal sealed class DataParquetAddress
{
    [JsonPropertyName("street")]
    public string? Street { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    public static DataParquetAddress TryFrom(JsonElement value, DataParquetInvoice.ValueReader reader)
    {
        var address = new DataParquetAddress();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "street": address.Street = reader.String(property.Value); break;
                case "city": address.City = reader.String(property.Value); break;
                case "postal_code": address.PostalCode = reader.String(property.Value); break;
                case "country": address.Country = reader.String(property.Value); break;
                default: reader.Fail("a field no column holds"); break;
            }
        }
        return address;
    }
}

internal sealed class DataParquetLineItem
{
    [JsonPropertyName("sku")]
    public string? Sku { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    [JsonPropertyName("unit_price")]
    public double? UnitPrice { get; set; }

    [JsonPropertyName("discount_pct")]
    public double? DiscountPct { get; set; }

    [JsonPropertyName("tax_code")]
    public string? TaxCode { get; set; }

    public static DataParquetLineItem TryFrom(JsonElement value, DataParquetInvoice.ValueReader reader)
    {
        var item = new DataParquetLineItem();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "sku": item.Sku = reader.String(property.Value); break;
                case "description": item.Description = reader.String(property.Value); break;
                case "quantity": item.Quantity = reader.Int(property.Value); break;
                case "unit_price": item.UnitPrice = reader.Double(property.Value); break;
                case "discount_pct": item.DiscountPct = reader.Double(property.Value); break;
                case "tax_code": item.TaxCode = reader.String(property.Value); break;
                default: reader.Fail("a field no column holds"); break;
            }
        }
        return item;
    }
}
