namespace SchemaRegistry.Bench;

/// <summary>Something that is measured in this process, one record at a time.</summary>
internal abstract class Contender(string key, string name, bool checksSchema)
{
    /// <summary>Short name used by --skip and in the ratios: token, parse, ours, njsonschema.</summary>
    public string Key { get; } = key;

    public string Name { get; } = name;

    /// <summary>False for the passes that only read or parse, whose verdict is not a validity.</summary>
    public bool ChecksSchema { get; } = checksSchema;

    public abstract bool Check(byte[] record);
}
