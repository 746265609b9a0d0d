using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Training rows quantised to byte bins, stored column-wise (one contiguous byte run per feature) so histogram
/// building streams one column at a time. Bin <see cref="MissingBin"/> holds NaN.
/// </summary>
internal sealed class BinnedMatrix
{
    /// <summary>The bin of a missing value; value bins are 0 … BinCount−1 ≤ 254.</summary>
    internal const byte MissingBin = 255;

    /// <summary>Most values per feature used to place equal-mass bin bounds.</summary>
    internal const int SampleSize = 65_536;

    private readonly byte[] _bins;
    private readonly float[][] _upperBounds;

    private BinnedMatrix(int rowCount, byte[] bins, float[][] upperBounds)
    {
        RowCount = rowCount;
        _bins = bins;
        _upperBounds = upperBounds;
    }

    /// <summary>Number of rows.</summary>
    internal int RowCount { get; }

    /// <summary>Number of features.</summary>
    internal int FeatureCount => _upperBounds.Length;

    /// <summary>Bins of one feature, one byte per row.</summary>
    internal ReadOnlySpan<byte> Column(int feature) => _bins.AsSpan(feature * RowCount, RowCount);

    /// <summary>Number of value bins of a feature (1 for a constant or all-missing feature).</summary>
    internal int BinCount(int feature) => _upperBounds[feature].Length;

    /// <summary>
    /// Upper bound of a bin: a value v falls in the first bin b with v ≤ bound(b); the last bound is +∞. Split
    /// thresholds are these bounds, so routing by value and by bin agree exactly.
    /// </summary>
    internal float UpperBound(int feature, int bin) => _upperBounds[feature][bin];

    /// <summary>Bins a table: thresholds per feature from its sorted values, then every value mapped to its bin.</summary>
    internal static BinnedMatrix Create(TabularData data, int maximumBinCount, int threads)
    {
        var rows = data.RowCount;
        var features = data.FeatureCount;
        var bins = new byte[(long)rows * features];
        var bounds = new float[features][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };

        // Transpose to column-major first, in row blocks, so each feature is then read contiguously.
        var columns = new float[(long)rows * features];
        const int block = 4096;
        Parallel.For(0, (rows + block - 1) / block, parallel, b =>
        {
            var values = data.Features;
            var end = Math.Min(rows, (b + 1) * block);
            for (var r = b * block; r < end; r++)
            {
                var row = values.Slice(r * features, features);
                for (var f = 0; f < row.Length; f++)
                {
                    columns[((long)f * rows) + r] = row[f];
                }
            }
        });

        Parallel.For(0, features, parallel, f =>
        {
            var column = columns.AsSpan(f * rows, rows);
            var upper = FindUpperBounds(column, maximumBinCount);
            bounds[f] = upper;
            var finder = new BinFinder(upper);
            var target = bins.AsSpan(f * rows, rows);
            for (var r = 0; r < column.Length; r++)
            {
                target[r] = finder.BinOf(column[r]);
            }
        });
        return new BinnedMatrix(rows, bins, bounds);
    }

    /// <summary>The bin a value falls in, given a feature's upper bounds (a plain binary search; see <see cref="BinFinder"/>).</summary>
    internal static byte BinOf(float[] upper, float value)
    {
        if (float.IsNaN(value))
        {
            return MissingBin;
        }

        // Branch-free lower bound: the first bound ≥ value; the last bound is +∞ so it always exists.
        ref var bounds = ref MemoryMarshal.GetArrayDataReference(upper);
        var first = 0;
        var length = upper.Length;
        while (length > 1)
        {
            var half = length >> 1;
            first += Unsafe.Add(ref bounds, first + half - 1) < value ? half : 0;
            length -= half;
        }

        return (byte)first;
    }

    /// <summary>
    /// Upper bin bounds of one feature's values (NaN ignored). When the feature has at most
    /// <paramref name="maximumBinCount"/> distinct values they are found exactly (one bin each); otherwise equal-mass
    /// bounds come from an evenly spaced sample of at most <see cref="SampleSize"/> values, which keeps binning cheap on
    /// large tables (as LightGBM's sampled bin construction and XGBoost's sketch do).
    /// </summary>
    internal static float[] FindUpperBounds(ReadOnlySpan<float> column, int maximumBinCount)
    {
        var distinct = new HashSet<float>();
        var few = true;
        var present = 0;
        foreach (var v in column)
        {
            if (float.IsNaN(v))
            {
                continue;
            }

            present++;
            // +0 and −0 compare equal, so they must share a bin: normalise before hashing.
            if (few && distinct.Add(v == 0 ? 0f : v) && distinct.Count > maximumBinCount)
            {
                few = false;
            }
        }

        float[] values;
        if (few)
        {
            values = [.. distinct];
        }
        else if (present <= SampleSize)
        {
            values = new float[present];
            var k = 0;
            foreach (var v in column)
            {
                if (!float.IsNaN(v))
                {
                    values[k++] = v;
                }
            }
        }
        else
        {
            // Systematic sample: evenly spaced positions among the present values, which keeps quantiles unbiased
            // whatever the row order and needs no random numbers.
            values = new float[SampleSize];
            var step = (double)present / SampleSize;
            double nextPosition = 0;
            int seen = 0, taken = 0;
            foreach (var v in column)
            {
                if (float.IsNaN(v))
                {
                    continue;
                }

                if (seen >= nextPosition && taken < values.Length)
                {
                    values[taken++] = v;
                    nextPosition += step;
                }

                seen++;
            }
        }

        FloatRadixSort.Sort(values);
        return FindUpperBoundsOfSorted(values, maximumBinCount);
    }

    /// <summary>
    /// Upper bin bounds of sorted values: one bin per distinct value when there are few enough, else greedy
    /// equal-mass bins whose edges fall between distinct values. Bounds are midpoints; the last is +∞.
    /// </summary>
    internal static float[] FindUpperBoundsOfSorted(ReadOnlySpan<float> sorted, int maximumBinCount)
    {
        if (sorted.IsEmpty)
        {
            return [float.PositiveInfinity];
        }

        // Distinct values and their counts.
        var distinct = new List<float>();
        var counts = new List<int>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct.Add(sorted[i]);
                counts.Add(1);
            }
            else
            {
                counts[^1]++;
            }
        }

        var upper = new List<float>(Math.Min(distinct.Count, maximumBinCount));
        if (distinct.Count <= maximumBinCount)
        {
            for (var i = 0; i < distinct.Count - 1; i++)
            {
                upper.Add(Midpoint(distinct[i], distinct[i + 1]));
            }
        }
        else
        {
            double remaining = sorted.Length;
            var binsLeft = maximumBinCount;
            double inBin = 0;
            for (var i = 0; i < distinct.Count - 1 && binsLeft > 1; i++)
            {
                inBin += counts[i];
                // Close the bin once it holds its fair share of what is left; a heavy value fills a bin on its own.
                if (inBin >= remaining / binsLeft || distinct.Count - 1 - i < binsLeft)
                {
                    upper.Add(Midpoint(distinct[i], distinct[i + 1]));
                    remaining -= inBin;
                    inBin = 0;
                    binsLeft--;
                }
            }
        }

        upper.Add(float.PositiveInfinity);
        return [.. upper];
    }

    // A float strictly between the two values' bins: lo ≤ t < hi even when they are adjacent floats.
    private static float Midpoint(float lo, float hi)
    {
        var t = (float)(((double)lo + hi) / 2);
        return t >= hi ? lo : t;
    }
}
