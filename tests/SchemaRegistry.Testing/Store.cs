namespace SchemaRegistry.Testing;

/// <summary>Which metadata database a test server runs on.</summary>
public enum Store
{
    Sqlite,
    Postgres,
}
