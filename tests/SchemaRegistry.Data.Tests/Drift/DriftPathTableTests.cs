using System.Text;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;

namespace SchemaRegistry.Data.Tests.Drift;

/// <summary>Interned drift paths: the same parent and name give the same id however many siblings a parent has.</summary>
public sealed class DriftPathTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(200)]
    public void A_name_under_a_parent_always_gets_its_own_id_and_path(int siblings)
    {
        var table = new DriftPathTable();
        var device = table.Child(DriftPathTable.Root, "device"u8);
        var names = Enumerable.Range(0, siblings).Select(i => $"field{i}").ToList();
        var ids = names.Select(n => table.Child(device, Encoding.UTF8.GetBytes(n))).ToList();
        Assert.Equal(siblings, ids.Distinct().Count());
        // Looked up again in another order: the same ids, no new paths.
        var count = table.Count;
        for (var i = siblings - 1; i >= 0; i--)
        {
            Assert.Equal(ids[i], table.Child(device, Encoding.UTF8.GetBytes(names[i])));
        }
        Assert.Equal(count, table.Count);
        Assert.Equal("device.field0", Path(table, ids[0]));
        // The same name under another parent, and a name that is a prefix of another, are other paths.
        Assert.NotEqual(ids[0], table.Child(DriftPathTable.Root, "field0"u8));
        Assert.NotEqual(ids[0], table.Child(device, "field"u8));
        Assert.Equal("device[]", Path(table, table.Child(device, Encoding.UTF8.GetBytes(DriftPath.ArrayMarker))));
    }

    [Fact]
    public void After_clearing_paths_start_again_with_no_old_children()
    {
        var table = new DriftPathTable();
        var a = table.Child(DriftPathTable.Root, "a"u8);
        table.Child(a, "b"u8);
        table.Clear();
        Assert.Equal(1, table.Count);
        var c = table.Child(DriftPathTable.Root, "c"u8);
        Assert.Equal("c", Path(table, c));
        var a2 = table.Child(DriftPathTable.Root, "a"u8);
        Assert.Equal("a", Path(table, a2));
        Assert.Equal("a.b", Path(table, table.Child(a2, "b"u8)));
        Assert.Equal(4, table.Count);
    }

    private static string Path(DriftPathTable table, int id) => table.Site(id, DriftKind.NewField, ValueKinds.None).Path;
}
