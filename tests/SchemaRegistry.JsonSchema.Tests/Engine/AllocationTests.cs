using System.Text;

namespace SchemaRegistry.JsonSchema.Tests.Engine;

/// <summary>The boolean path allocates nothing per record, valid or not (bytes counted, not time).</summary>
public sealed class AllocationTests
{
    private const string Schema = """
        {
          "type": "object",
          "required": ["id", "issued", "email", "amount", "lines"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "pattern": "^INV-[0-9]{8}$"},
            "issued": {"type": "string", "format": "date"},
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "amount": {"type": "number", "minimum": 0},
            "currency": {"enum": ["EUR", "USD", "GBP", "CHF", "JPY"]},
            "lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["sku", "qty"],
              "properties": {"sku": {"type": "string", "minLength": 1}, "qty": {"type": "integer", "minimum": 1}}}}
          }
        }
        """;

    [Theory]
    [InlineData("""{"id":"INV-00000001","issued":"2025-10-07","email":"a@example.com","amount":12.5,"currency":"EUR","lines":[{"sku":"A","qty":2}]}""", true)]
    [InlineData("""{"id":"INV-1","issued":"2025-10-07","email":"a@example.com","amount":12.5,"lines":[{"sku":"A","qty":2}]}""", false)]
    [InlineData("""{"id":"INV-00000001","issued":"2025-02-30","email":"a@example.com","amount":-1,"lines":[]}""", false)]
    [InlineData("""{"id":"INV-00000001","issued":"2025-10-07","email":"not an email","amount":1,"lines":[{"sku":"","qty":0}],"extra":1}""", false)]
    public void Validating_a_record_allocates_nothing(string record, bool valid)
    {
        var schema = CompiledSchema.Compile(Schema);
        var bytes = Encoding.UTF8.GetBytes(record);
        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal(valid, schema.IsValid(bytes));
        }

        // A one-off allocation by the runtime (tier-up, a lazily built cache) can land in any one round on a loaded
        // machine; a per-record allocation lands in every round, so the quietest of five rounds must be zero.
        var allocated = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                schema.IsValid(bytes);
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
    }
}
