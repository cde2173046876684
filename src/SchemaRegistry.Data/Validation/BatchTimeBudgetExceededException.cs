namespace SchemaRegistry.Data.Validation;

/// <summary>
/// A batch ran past its time budget (<see cref="BatchValidator"/>): it stopped between two records, after
/// <see cref="RecordsChecked"/> of them. What it counted and wrote so far is not a result; the caller discards it.
/// </summary>
public sealed class BatchTimeBudgetExceededException(long recordsChecked, TimeSpan budget)
    : Exception($"The batch ran past its time budget of {budget.TotalSeconds:0.###} s after checking {recordsChecked:N0} records; " +
        "nothing of it is counted. Send it again in smaller parts, or simplify the schema's patterns.")
{
    public long RecordsChecked { get; } = recordsChecked;

    public TimeSpan Budget { get; } = budget;
}
