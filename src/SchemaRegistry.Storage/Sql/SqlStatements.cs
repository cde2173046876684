using System.Data.Common;

namespace SchemaRegistry.Storage.Sql;

/// <summary>
/// Statements to run in order on one connection: as one <see cref="DbBatch"/> (one round trip) where the provider
/// batches (<see cref="SqlProvider.RunsAtomicBatches"/>), otherwise one command after the other. Run without a
/// transaction, such a batch is one implicit transaction: every statement commits, or none does.
/// </summary>
internal sealed class SqlStatements
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _statements = [];

    public void Add(string sql, params (string Name, object? Value)[] parameters) => _statements.Add((sql, parameters));

    /// <summary>Runs the statements added so far and forgets them; returns how many rows each affected.</summary>
    public async Task<int[]> ExecuteAsync(SqlProvider provider, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var affected = new int[_statements.Count];
        if (provider.RunsAtomicBatches && connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, parameters) in _statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < affected.Length; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }
        }
        else
        {
            for (var i = 0; i < affected.Length; i++)
            {
                await using var command = Db.Command(connection, _statements[i].Sql, transaction, _statements[i].Parameters);
                affected[i] = await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        _statements.Clear();
        return affected;
    }
}
