using System.Globalization;
using System.Text.Json;
using Parquet.File.Values.Primitives;
using Parquet.Schema;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Chooses, for a Parquet leaf field, how its values become JSON and which JSON kinds it declares: integers as
/// numbers (<see cref="ValueKinds.Integer"/>); float, double and decimal as numbers (integer or fraction; NaN and
/// infinities, which JSON has no number for, as the strings <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>);
/// booleans; UTF-8 strings; binary without a string type as base64 strings; dates as <c>yyyy-MM-dd</c>;
/// timestamps as ISO 8601 in UTC with <c>Z</c> (a timestamp not adjusted to UTC is taken as its wall-clock time);
/// times of day as <c>HH:mm:ss.fffffff</c>; UUIDs and intervals as strings.
/// </summary>
internal static class ParquetColumns
{
    private const ValueKinds Number = ValueKinds.Integer | ValueKinds.Fraction;

    public static (ParquetColumn Column, ValueKinds Kinds) Create(DataField field)
    {
        if (field is TimeDataField time)
        {
            return CreateTime(time);
        }
        var type = field.ClrType;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => (new TypedParquetColumn<bool>(field, static (w, v) => w.WriteBooleanValue(v)), ValueKinds.Boolean),
            TypeCode.SByte => (new TypedParquetColumn<sbyte>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.Byte => (new TypedParquetColumn<byte>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.Int16 => (new TypedParquetColumn<short>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.UInt16 => (new TypedParquetColumn<ushort>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.Int32 => (new TypedParquetColumn<int>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.UInt32 => (new TypedParquetColumn<uint>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.Int64 => (new TypedParquetColumn<long>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.UInt64 => (new TypedParquetColumn<ulong>(field, static (w, v) => w.WriteNumberValue(v)), ValueKinds.Integer),
            TypeCode.Single => (new TypedParquetColumn<float>(field, WriteSingle), Number),
            TypeCode.Double => (new TypedParquetColumn<double>(field, WriteDouble), Number),
            TypeCode.Decimal => (new TypedParquetColumn<decimal>(field, static (w, v) => w.WriteNumberValue(v)), Number),
            TypeCode.DateTime when field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } =>
                (new TypedParquetColumn<DateTime>(field, static (w, v) => WriteDate(w, DateOnly.FromDateTime(v))), ValueKinds.String),
            TypeCode.DateTime => (new TypedParquetColumn<DateTime>(field, WriteTimestamp), ValueKinds.String),
            _ when type == typeof(ReadOnlyMemory<char>) =>
                (new TypedParquetColumn<ReadOnlyMemory<char>>(field, static (w, v) => w.WriteStringValue(v.Span)), ValueKinds.String),
            _ when type == typeof(ReadOnlyMemory<byte>) =>
                (new TypedParquetColumn<ReadOnlyMemory<byte>>(field, static (w, v) => w.WriteBase64StringValue(v.Span)), ValueKinds.String),
            _ when type == typeof(DateOnly) => (new TypedParquetColumn<DateOnly>(field, WriteDate), ValueKinds.String),
            _ when type == typeof(TimeOnly) => (new TypedParquetColumn<TimeOnly>(field, WriteTime), ValueKinds.String),
            _ when type == typeof(TimeSpan) =>
                (new TypedParquetColumn<TimeSpan>(field, static (w, v) => WriteTimeOfDay(w, v.Ticks, v.Ticks)), ValueKinds.String),
            _ when type == typeof(Guid) => (new TypedParquetColumn<Guid>(field, static (w, v) => w.WriteStringValue(v)), ValueKinds.String),
            _ when type == typeof(Interval) => (new TypedParquetColumn<Interval>(field, WriteInterval), ValueKinds.String),
            _ => throw new ParquetFormatException(
                $"Parquet column '{field.Path}' holds {type.Name} values, which this reader does not map to JSON."),
        };
    }

    private static (ParquetColumn, ValueKinds) CreateTime(TimeDataField field)
    {
        ParquetColumn? column = (field.ClrType, field.Precision) switch
        {
            (var type, TimeUnitPrecision.Millis) when type == typeof(int) =>
                new TypedParquetColumn<int>(field, static (w, v) => WriteTimeOfDay(w, v, v * TimeSpan.TicksPerMillisecond)),
            (var type, TimeUnitPrecision.Micros) when type == typeof(long) =>
                new TypedParquetColumn<long>(field, static (w, v) => WriteTimeOfDay(w, v, v * TimeSpan.TicksPerMicrosecond)),
            (var type, TimeUnitPrecision.Nanos) when type == typeof(long) =>
                new TypedParquetColumn<long>(field, static (w, v) => WriteTimeOfDay(w, v, v / TimeSpan.NanosecondsPerTick)),
            _ => null,
        };
        return column is null
            ? throw new ParquetFormatException(
                $"Parquet time column '{field.Path}' holds {field.ClrType.Name} values in {field.Precision}, which this reader does not map to JSON.")
            : (column, ValueKinds.String);
    }

    private static void WriteSingle(Utf8JsonWriter json, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            WriteNonFinite(json, value);
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            WriteNonFinite(json, value);
        }
    }

    private static void WriteNonFinite(Utf8JsonWriter json, double value) =>
        json.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);

    /// <summary>Writes the ticks as an ISO 8601 UTC timestamp, whatever the value's kind says.</summary>
    private static void WriteTimestamp(Utf8JsonWriter json, DateTime value) =>
        json.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static void WriteDate(Utf8JsonWriter json, DateOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        value.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.WriteStringValue(text[..length]);
    }

    private static void WriteTime(Utf8JsonWriter json, TimeOnly value) => WriteTimeOfDay(json, value.Ticks, value.Ticks);

    /// <summary>
    /// A time of day as <c>HH:mm:ss</c> with the fraction's significant digits; a value outside a day, which a
    /// valid file does not hold, as the <paramref name="raw"/> number for the validator to flag.
    /// </summary>
    private static void WriteTimeOfDay(Utf8JsonWriter json, long raw, long ticks)
    {
        if (ticks is < 0 or >= TimeSpan.TicksPerDay)
        {
            json.WriteNumberValue(raw);
            return;
        }
        Span<byte> text = stackalloc byte[24];
        new TimeOnly(ticks).TryFormat(text, out var length, "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        json.WriteStringValue(text[..length]);
    }

    /// <summary>An interval as an ISO 8601 duration.</summary>
    private static void WriteInterval(Utf8JsonWriter json, Interval value) =>
        json.WriteStringValue(string.Create(
            CultureInfo.InvariantCulture, $"P{value.Months}M{value.Days}DT{value.Millis / 1000m}S"));
}
