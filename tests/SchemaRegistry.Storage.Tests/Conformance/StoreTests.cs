using SchemaRegistry.Storage.Tests.Fixtures;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>The store contract on a fresh SQLite file.</summary>
public sealed class SqliteStoreTests(SqliteStoreFixture fixture) : StoreConformanceTests(fixture), IClassFixture<SqliteStoreFixture>;

/// <summary>The store contract on a fresh PostgreSQL database (server from <c>SCHEMAREG_TEST_POSTGRES</c>).</summary>
public sealed class PostgresStoreTests(PostgresStoreFixture fixture) : StoreConformanceTests(fixture), IClassFixture<PostgresStoreFixture>;
