using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

public sealed class BinnedMatrixTests
{
    [Fact]
    public void Few_distinct_values_get_one_bin_each_with_midpoint_thresholds()
    {
        float[] values = [3, 1, 2, 2, 1, 3, float.NaN, 1];

        var upper = BinnedMatrix.FindUpperBounds(values, 255);

        Assert.Equal([1.5f, 2.5f, float.PositiveInfinity], upper);
        Assert.Equal(0, BinnedMatrix.BinOf(upper, 1));
        Assert.Equal(1, BinnedMatrix.BinOf(upper, 2));
        Assert.Equal(2, BinnedMatrix.BinOf(upper, 3));
        Assert.Equal(BinnedMatrix.MissingBin, BinnedMatrix.BinOf(upper, float.NaN));
    }

    [Fact]
    public void Many_distinct_values_get_at_most_the_maximum_bins_of_roughly_equal_mass()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (float)Math.Sqrt(i)).ToArray();

        var upper = BinnedMatrix.FindUpperBounds(values, 100);

        Assert.Equal(100, upper.Length);
        var counts = new int[upper.Length];
        foreach (var v in values)
        {
            counts[BinnedMatrix.BinOf(upper, v)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 80, 120));
    }

    [Fact]
    public void Adjacent_floats_still_get_a_threshold_between_them()
    {
        var low = 1f;
        var high = MathF.BitIncrement(low);

        var upper = BinnedMatrix.FindUpperBounds([low, high, low], 255);

        Assert.Equal(0, BinnedMatrix.BinOf(upper, low));
        Assert.Equal(1, BinnedMatrix.BinOf(upper, high));
    }

    [Fact]
    public void The_simd_bin_finder_agrees_with_binary_search()
    {
        Prop.ForAll<float[], float>((values, probe) =>
        {
            var clean = values.Where(float.IsFinite).ToArray();
            var upper = BinnedMatrix.FindUpperBounds(clean, 255);
            var finder = new BinFinder(upper);
            var probes = clean.Append(probe).Append(float.NaN).Where(v => !float.IsInfinity(v));
            return probes.All(v => finder.BinOf(v) == BinnedMatrix.BinOf(upper, v));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Binning_a_table_maps_each_value_consistently_with_its_threshold()
    {
        var data = Synthetic.Make(3000, 3, seed: 2, static x => x[0] > 0);

        var binned = BinnedMatrix.Create(data, 255, threads: 2);

        for (var f = 0; f < 3; f++)
        {
            var column = binned.Column(f);
            for (var r = 0; r < data.RowCount; r++)
            {
                var bin = column[r];
                var value = data.Row(r)[f];
                Assert.True(value <= binned.UpperBound(f, bin));
                Assert.True(bin == 0 || value > binned.UpperBound(f, bin - 1));
            }
        }
    }
}
