namespace SchemaRegistry.Ui.Tests.Harness;

/// <summary>Browser tests share one chromium and run one after the other (two cores, shared).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browsers>
{
    public const string Name = "browser";
}
