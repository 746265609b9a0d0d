using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

public sealed class TabularDataTests
{
    [Fact]
    public void Loads_a_csv_with_missing_cells_weights_and_groups()
    {
        var path = Write("a,label,b,w,doc\n1.5,1,,2,x\nNaN,0,3,1,y\n2,true,4,1,x\n");
        try
        {
            var data = TabularData.LoadCsv(path, weightColumn: "w", groupColumn: "doc");

            Assert.Equal(["a", "b"], data.FeatureNames);
            Assert.Equal([1f, 0f, 1f], data.Labels.ToArray());
            Assert.Equal([2f, 1f, 1f], data.Weights.ToArray());
            Assert.Equal([0, 1, 0], data.Groups.ToArray());
            Assert.Equal(1.5f, data.Row(0)[0]);
            Assert.True(float.IsNaN(data.Row(0)[1]));
            Assert.True(float.IsNaN(data.Row(1)[0]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_cell_names_the_file_line_and_column()
    {
        var path = Write("label,a\n1,2\n0,abc\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => TabularData.LoadCsv(path));

            Assert.Contains(path, error.Message);
            Assert.Contains("line 3", error.Message);
            Assert.Contains("'a'", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Labels_other_than_zero_and_one_and_infinite_values_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TabularData(["a"], [1f], [2f]));
        Assert.Throws<ArgumentException>(() => new TabularData(["a"], [float.PositiveInfinity], [1f]));
        Assert.Throws<ArgumentException>(() => new TabularData(["a", "a"], [1f, 2f], [1f]));
        Assert.Throws<ArgumentException>(() => new TabularData(["a"], [1f, 2f], [1f]));
    }

    [Fact]
    public void A_subset_keeps_the_chosen_rows_in_order()
    {
        var data = new TabularData(["a", "b"], [1, 2, 3, 4, 5, 6], [0, 1, 1], [1, 2, 3], [7, 8, 9]);

        var subset = data.Subset([2, 0]);

        Assert.Equal([5f, 6f, 1f, 2f], subset.Features.ToArray());
        Assert.Equal([1f, 0f], subset.Labels.ToArray());
        Assert.Equal([3f, 1f], subset.Weights.ToArray());
        Assert.Equal([9, 7], subset.Groups.ToArray());
    }

    [Fact]
    public void Concatenated_tables_keep_row_order_weights_and_groups()
    {
        var first = new TabularData(["a", "b"], [1, 2, 3, 4], [0, 1], weights: null, groups: [7, 8]);
        var second = new TabularData(["a", "b"], [5, float.NaN], [1], weights: [2.5f], groups: [9]);

        var both = TabularData.Concatenate(first, second);

        Assert.Equal([1f, 2, 3, 4, 5, float.NaN], both.Features.ToArray());
        Assert.Equal([0f, 1, 1], both.Labels.ToArray());
        Assert.Equal([1f, 1, 2.5f], both.Weights.ToArray());
        Assert.Equal([7, 8, 9], both.Groups.ToArray());
        Assert.False(TabularData.Concatenate(first, new TabularData(["a", "b"], [0, 0], [0])).HasGroups);
        Assert.Throws<ArgumentException>(() => TabularData.Concatenate(first, new TabularData(["a", "c"], [0, 0], [0])));
    }

    [Fact]
    public void The_content_hash_identifies_the_data()
    {
        var data = new TabularData(["a"], [1, 2], [0, 1]);

        Assert.Equal(data.ComputeHash(), new TabularData(["a"], [1, 2], [0, 1]).ComputeHash());
        Assert.NotEqual(data.ComputeHash(), new TabularData(["a"], [1, 2], [1, 1]).ComputeHash());
        Assert.NotEqual(data.ComputeHash(), new TabularData(["b"], [1, 2], [0, 1]).ComputeHash());
        Assert.NotEqual(data.ComputeHash(), new TabularData(["a"], [1, 2], [0, 1], [1, 1]).ComputeHash());
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spindetect-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
