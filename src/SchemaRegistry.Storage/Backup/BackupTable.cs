namespace SchemaRegistry.Storage.Backup;

/// <summary>How a column's values are read from any of the three databases and written in the archive.</summary>
public enum ColumnKind
{
    Text,
    Int32,
    Int64,
    Bool,
    Double,
}

/// <summary>A column as the archive holds it: the same name and kind in every dialect.</summary>
public sealed record BackupColumn(string Name, ColumnKind Kind, bool Nullable = false);

/// <summary>
/// A table of the archive: its columns (dialect-only columns, such as MySQL's generated ones, are left out), the
/// primary key that orders its rows, and the identity column whose counter must continue after a restore.
/// </summary>
public sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> OrderBy, string? Identity = null)
{
    public BackupColumn Column(string name) => Columns.Single(c => c.Name == name);
}
