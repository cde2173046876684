using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Storage.Backup;

/// <summary>The catalog errors of backup and restore.</summary>
public static class ArchiveErrors
{
    public static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.ArchiveInvalid, ErrorKind.Unprocessable, "Archive invalid", detail));

    public static RegistryException NotEmpty(string detail) =>
        new(new RegistryError(ErrorCode.RestoreTargetNotEmpty, ErrorKind.Conflict, "Restore target not empty", detail));

    public static RegistryException LedgerBroken(string detail) =>
        new(new RegistryError(ErrorCode.RestoredLedgerBroken, ErrorKind.Unprocessable, "Restored ledger broken", detail));
}
