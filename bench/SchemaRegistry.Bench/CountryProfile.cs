namespace SchemaRegistry.Bench;

/// <summary>What makes an invoice look like it comes from one country: currency, tax, addresses, customers.</summary>
internal sealed record CountryProfile(
    string Code,
    string Currency,
    decimal TaxRate,
    string? VatPrefixFormat,
    bool HouseNumberFirst,
    string[] Cities,
    string[] Streets,
    string PostalFormat,
    (string Name, string Domain)[] Companies);
