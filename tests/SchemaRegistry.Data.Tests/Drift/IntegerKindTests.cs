using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Tests.Drift;

/// <summary>Short numbers with a point are told integer or not from their digits; long ones as the double they parse to.</summary>
public sealed class IntegerKindTests
{
    [Theory]
    [InlineData("409.02", false)]
    [InlineData("-0.000", true)]
    [InlineData("12345678901234.5", false)]
    [InlineData("99999999999999.00", true)]
    [InlineData("1.00000000000000000001", true)]
    [InlineData("12345678901234567.5", true)]
    [InlineData("1.55e1", false)]
    [InlineData("1.5e2", true)]
    public void A_number_is_an_integer_when_its_value_is(string number, bool integer)
    {
        var detector = new DriftDetector(DataShape.FromSchema("""{"type":"object","properties":{"n":{"type":"string"}}}"""));

        Assert.True(detector.Inspect(Encoding.UTF8.GetBytes($$"""{"n":{{number}}}""")));

        Assert.Equal(integer ? ValueKinds.Integer : ValueKinds.Fraction, Assert.Single(detector.Findings).Observed);
    }
}
