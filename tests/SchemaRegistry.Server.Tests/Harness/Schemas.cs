using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Harness;

/// <summary>Request bodies used across tests.</summary>
public static class Schemas
{
    public static RegisterSchemaRequest Draft(string fqid, string payload = """{"type":"object","properties":{"id":{"type":"string"}}}""") =>
        new(fqid, "finance-data", "test schema", Payload: JsonDocument.Parse(payload).RootElement.Clone());

    public static RegisterSchemaRequest Referencing(string fqid, string target) =>
        Draft(fqid, """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"customer":{"$ref":"schemareg:"""
            + target + "\"}}}");
}
