namespace SchemaRegistry.Bench;

/// <summary>
/// Words the generator picks from. Postal and VAT formats are templates: 9 is a digit, A a capital letter,
/// anything else is copied.
/// </summary>
internal static class InvoiceVocabulary
{
    public static readonly CountryProfile[] Countries =
    [
        new("DE", "EUR", 0.19m, "DE999999999", false,
            ["Berlin", "München", "Hamburg", "Köln", "Düsseldorf", "Stuttgart"],
            ["Hauptstraße", "Königsallee", "Friedrichstraße", "Schillerstraße", "Am Güterbahnhof"],
            "99999",
            [("Müller & Söhne Maschinenbau KG", "mueller-soehne.de"), ("Nordwind Logistik GmbH", "nordwind-logistik.de"),
             ("Bäckerei Schröder GmbH & Co. KG", "baeckerei-schroeder.de"), ("Rheinland Kunststofftechnik AG", "rkt-ag.de")]),
        new("FR", "EUR", 0.20m, "FR99999999999", true,
            ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes"],
            ["rue de la République", "avenue des Champs-Élysées", "boulevard Haussmann", "quai de la Loire"],
            "99999",
            [("Société Générale d'Équipement SARL", "sge-equipement.fr"), ("Café Lumière SAS", "cafe-lumiere.fr"),
             ("Atelier Dubois & Fils", "atelier-dubois.fr")]),
        new("GB", "GBP", 0.20m, "GB999999999", true,
            ["London", "Manchester", "Leeds", "Bristol", "Edinburgh"],
            ["High Street", "King's Road", "Station Road", "Victoria Embankment"],
            "AA9A 9AA",
            [("Brightwater Analytics Ltd", "brightwater.co.uk"), ("O'Connor & Partners LLP", "oconnor-partners.co.uk"),
             ("Thames Valley Fasteners plc", "tvfasteners.co.uk")]),
        new("US", "USD", 0.0825m, null, true,
            ["New York", "Chicago", "Austin", "Seattle", "Denver", "Atlanta"],
            ["Main Street", "Market Street", "5th Avenue", "Industrial Parkway"],
            "99999",
            [("Acme Industrial Supplies Inc.", "acme-industrial.com"), ("Maple & Pine Hardware LLC", "mapleandpine.com"),
             ("Redwood Cloud Systems Corp.", "redwoodcloud.io"), ("Great Lakes Freight Co.", "greatlakesfreight.com")]),
        new("NL", "EUR", 0.21m, "NL999999999B01", false,
            ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"],
            ["Keizersgracht", "Coolsingel", "Stationsplein", "Havenweg"],
            "9999 AA",
            [("Van der Berg Installatietechniek B.V.", "vdberg-installatie.nl"), ("Dutch Flower Exports B.V.", "dfe.nl")]),
        new("ES", "EUR", 0.21m, "ESA99999999", false,
            ["Madrid", "Barcelona", "Valencia", "Sevilla"],
            ["Calle Mayor", "Gran Vía", "Paseo de Gracia", "Avenida de la Constitución"],
            "99999",
            [("Café Olé Distribución S.L.", "cafeole.es"), ("Construcciones Núñez S.A.", "construcciones-nunez.es")]),
        new("IT", "EUR", 0.22m, "IT99999999999", false,
            ["Milano", "Roma", "Torino", "Bologna"],
            ["Via Roma", "Corso Buenos Aires", "Via dell'Industria", "Piazza Garibaldi"],
            "99999",
            [("Milano Moda S.p.A.", "milanomoda.it"), ("Ferramenta Rossi S.r.l.", "ferramentarossi.it")]),
        new("SE", "SEK", 0.25m, "SE999999999901", false,
            ["Stockholm", "Göteborg", "Malmö", "Uppsala"],
            ["Drottninggatan", "Kungsgatan", "Storgatan", "Hamngatan"],
            "999 99",
            [("Björk Hållbarhet AB", "bjork-hallbarhet.se"), ("Nordic Timber AB", "nordictimber.se")]),
        new("PL", "PLN", 0.23m, "PL9999999999", false,
            ["Warszawa", "Kraków", "Łódź", "Wrocław"],
            ["ul. Marszałkowska", "ul. Piotrkowska", "ul. Długa", "al. Jerozolimskie"],
            "99-999",
            [("Łódź Precision Tools Sp. z o.o.", "lodzprecision.pl"), ("Zakłady Mięsne Wiśniewski S.A.", "wisniewski.pl")]),
        new("CZ", "CZK", 0.21m, "CZ99999999", false,
            ["Praha", "Brno", "Ostrava"],
            ["Václavské náměstí", "Národní", "Masarykova"],
            "999 99",
            [("Dvořák Stavební s.r.o.", "dvorak-stavebni.cz"), ("Pivovar Černý Kůň a.s.", "cernykun.cz")]),
        new("CH", "CHF", 0.081m, null, false,
            ["Zürich", "Genève", "Basel", "Bern"],
            ["Bahnhofstrasse", "Rue du Rhône", "Freie Strasse", "Marktgasse"],
            "9999",
            [("Zürcher Feinmechanik AG", "zfm.ch"), ("Genève Horlogerie SA", "geneve-horlogerie.ch")]),
        new("JP", "JPY", 0.10m, null, true,
            ["Tokyo", "Osaka", "Yokohama", "Nagoya"],
            ["Marunouchi", "Umeda", "Minatomirai", "Sakae"],
            "999-9999",
            [("株式会社サクラ商事", "sakura-shoji.co.jp"), ("Kobayashi Trading Co., Ltd.", "kobayashi-trading.jp")]),
        new("IE", "EUR", 0.23m, "IE9999999A", true,
            ["Dublin", "Cork", "Galway"],
            ["Grafton Street", "Patrick Street", "Shop Street"],
            "A99 A999",
            [("Dublin Data Services Ltd", "dublindata.ie"), ("Aoife Ní Bhriain Design", "nibhriain.ie")]),
        new("AU", "AUD", 0.10m, null, true,
            ["Sydney", "Melbourne", "Brisbane", "Perth"],
            ["George Street", "Collins Street", "Queen Street", "Hay Street"],
            "9999",
            [("Southern Cross Mining Pty Ltd", "southerncross.com.au"), ("Bondi Surf Supplies Pty Ltd", "bondisurf.com.au")]),
        new("CA", "CAD", 0.13m, null, true,
            ["Toronto", "Vancouver", "Montréal", "Calgary"],
            ["Yonge Street", "Rue Sainte-Catherine", "Granville Street", "Stephen Avenue"],
            "A9A 9A9",
            [("Maple Leaf Hardware Corp.", "mapleleafhw.ca"), ("Québec Érable Inc.", "quebec-erable.ca")]),
        new("DK", "DKK", 0.25m, "DK99999999", false,
            ["København", "Aarhus", "Odense"],
            ["Strøget", "Nørrebrogade", "Vestergade"],
            "9999",
            [("Copenhagen Coffee Roasters ApS", "cphcoffee.dk"), ("Ærø Møbler A/S", "aeroe-moebler.dk")]),
    ];

    public static readonly string[] FirstNames =
        ["anna", "james", "maria", "lukas", "sophie", "kenji", "olivia", "mateo", "emma", "noah", "chloe", "finn", "ingrid", "piotr", "aoife", "liam"];

    public static readonly string[] LastNames =
        ["schmidt", "smith", "garcia", "rossi", "dubois", "tanaka", "nowak", "jensen", "murphy", "novak", "andersson", "brown", "martin", "mueller"];

    public static readonly string[] MailboxNames = ["accounts.payable", "invoices", "ap", "billing", "finance-ops"];

    public static readonly (string Prefix, string Description, decimal MinPrice, decimal MaxPrice)[] Products =
    [
        ("BLT", "Steel hex bolt M8x40, zinc plated (box of 100)", 4.20m, 19.90m),
        ("SUP", "Annual support contract – Gold tier", 1200m, 9800m),
        ("CHR", "Ergonomic office chair, mesh back, adjustable lumbar support", 189m, 649m),
        ("CLD", "Cloud storage 1 TB / month", 4.99m, 24.99m),
        ("CNS", "Consulting hours: data migration and validation", 95m, 240m),
        ("SHP", "Pallet shipping, EU zone 2", 45m, 310m),
        ("GLV", "Nitrile gloves size L (carton of 1,000)", 38m, 92m),
        ("PPR", "A4 copy paper 80 g/m² (5 reams)", 18.5m, 34.9m),
        ("FLT", "Replacement filter cartridge HX-200", 12.75m, 58m),
        ("INS", "On-site installation and commissioning", 450m, 3200m),
        ("DCK", "Laptop docking station USB-C, 2× HDMI, 100 W", 129m, 289m),
        ("COF", "Café crème beans 1 kg – single origin Huehuetenango", 17.9m, 39.5m),
        ("FRK", "Forklift rental (per day)", 160m, 420m),
        ("TRN", "Translation services DE→EN (per 1,000 words)", 110m, 180m),
        ("BTS", "Safety boots S3, size 43", 64m, 149m),
        ("LIC", "Software licence, per seat, 12 months", 96m, 540m),
    ];

    public static readonly string[] SkuSuffixes = ["XL", "BK", "M8", "S3", "EU", "V2", "10", "GY"];

    public static readonly string[] Notes =
    [
        "Thank you for your business.",
        "Payment by bank transfer, quoting the invoice number as reference.",
        "Goods remain our property until paid in full.",
        "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).",
        "Delivery to loading dock B, Mon–Fri 07:00–15:00 only.",
        "Late payments incur interest at 8% above the base rate.",
        "Partial delivery; the remaining items follow under a separate invoice.",
        "Please update our bank details in your system: the old account closes on 31 December.",
    ];

    public static readonly string[] Tags =
        ["priority", "recurring", "eu", "export", "reverse-charge", "key-account", "q4-close", "manual-review", "dunning-1", "partial-delivery", "framework-contract"];

    public static readonly (string Name, int Weight)[] Statuses =
        [("issued", 30), ("sent", 25), ("paid", 30), ("overdue", 10), ("draft", 4), ("void", 1)];

    public static readonly (string Name, int Days)[] PaymentTerms =
        [("NET30", 30), ("NET15", 15), ("NET45", 45), ("NET60", 60), ("DUE_ON_RECEIPT", 0)];

    public static readonly string[] TaxCodes = ["standard", "standard", "standard", "reduced", "zero", "exempt"];

    public static readonly (InvoiceDefect Defect, int Weight)[] DefectWeights =
    [
        (InvoiceDefect.BadDate, 10),
        (InvoiceDefect.BadEmail, 10),
        (InvoiceDefect.NegativeAmount, 10),
        (InvoiceDefect.UnknownEnum, 10),
        (InvoiceDefect.MissingLineItemField, 10),
        (InvoiceDefect.ExtraProperty, 10),
        (InvoiceDefect.TooLongString, 10),
        (InvoiceDefect.PatternMismatch, 10),
        (InvoiceDefect.WrongType, 4),
        (InvoiceDefect.OutOfRange, 4),
        (InvoiceDefect.EmptyLineItems, 3),
        (InvoiceDefect.MissingRequiredField, 5),
        (InvoiceDefect.NonIntegerQuantity, 4),
    ];

    /// <summary>Defects that only change a value or add a member, safe to combine before another defect.</summary>
    public static readonly InvoiceDefect[] LeafDefects =
    [
        InvoiceDefect.BadDate, InvoiceDefect.BadEmail, InvoiceDefect.NegativeAmount, InvoiceDefect.UnknownEnum,
        InvoiceDefect.ExtraProperty, InvoiceDefect.TooLongString, InvoiceDefect.PatternMismatch,
    ];

    public static readonly string[] Padding =
        ["Accounts", "Payable", "Department", "Head", "Office", "Building", "North", "Wing", "Attention", "Finance", "Operations", "Shared", "Services", "Centre"];
}
