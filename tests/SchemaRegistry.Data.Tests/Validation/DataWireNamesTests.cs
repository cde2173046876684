using SchemaRegistry.Core.Documents;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Data.Tests.Validation;

/// <summary>The record formats and outcomes a batch report and a quarantine manifest carry, spelled once.</summary>
public sealed class DataWireNamesTests
{
    [Theory]
    [InlineData(DataFormat.Ndjson, "ndjson")]
    [InlineData(DataFormat.Csv, "csv")]
    [InlineData(DataFormat.Parquet, "parquet")]
    public void Data_format_has_one_wire_name_both_ways(DataFormat format, string wire)
    {
        Assert.Equal(wire, WireNames.Of(format));
        Assert.Equal(format, WireNames.Parse<DataFormat>(wire));
    }

    [Theory]
    [InlineData(RecordOutcome.Valid, "valid")]
    [InlineData(RecordOutcome.Invalid, "invalid")]
    [InlineData(RecordOutcome.Drifted, "drifted")]
    [InlineData(RecordOutcome.Rescued, "rescued")]
    public void Record_outcome_has_one_wire_name_both_ways(RecordOutcome outcome, string wire)
    {
        Assert.Equal(wire, WireNames.Of(outcome));
        Assert.Equal(outcome, WireNames.Parse<RecordOutcome>(wire));
    }

    [Fact]
    public void Every_member_is_covered()
    {
        Assert.Equal(Enum.GetValues<DataFormat>().Length, WireNames.All<DataFormat>().Count);
        Assert.Equal(Enum.GetValues<RecordOutcome>().Length, WireNames.All<RecordOutcome>().Count);
    }
}
