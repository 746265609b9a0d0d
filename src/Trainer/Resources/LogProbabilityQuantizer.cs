namespace SpinDetect.Training.Resources;

/// <summary>
/// One-dimensional k-means (Lloyd's algorithm on the distinct values, weighted by their counts) that maps
/// log-probabilities to 256 levels for the 1-byte fields of the lexicon. Starts from equal-count quantiles
/// and is deterministic.
/// </summary>
internal sealed class LogProbabilityQuantizer
{
    private readonly float[] _boundaries;

    private LogProbabilityQuantizer(float[] levels)
    {
        Levels = levels;
        _boundaries = new float[levels.Length - 1];
        for (var i = 0; i < _boundaries.Length; i++)
        {
            _boundaries[i] = (levels[i] + levels[i + 1]) / 2f;
        }
    }

    /// <summary>The 256 levels in ascending order (the dequantisation table).</summary>
    internal float[] Levels { get; }

    /// <summary>Fits 256 levels to <paramref name="values"/> with <paramref name="iterations"/> Lloyd steps.</summary>
    internal static LogProbabilityQuantizer Fit(ReadOnlySpan<float> values, int iterations = 20)
    {
        const int LevelCount = 256;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var distinct = new List<float>();
        var counts = new List<long>();
        foreach (var value in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == value)
            {
                counts[^1]++;
            }
            else
            {
                distinct.Add(value);
                counts.Add(1);
            }
        }

        var levels = new float[LevelCount];
        if (distinct.Count == 0)
        {
            return new LogProbabilityQuantizer(levels);
        }

        if (distinct.Count <= LevelCount)
        {
            // Few distinct values: keep every one exactly, pad with the largest.
            for (var i = 0; i < LevelCount; i++)
            {
                levels[i] = distinct[Math.Min(i, distinct.Count - 1)];
            }

            return new LogProbabilityQuantizer(levels);
        }

        for (var i = 0; i < LevelCount; i++)
        {
            levels[i] = sorted[(int)(((long)sorted.Length * ((2 * i) + 1)) / (2 * LevelCount))];
        }

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Sort(levels);
            var sums = new double[LevelCount];
            var weights = new long[LevelCount];
            var level = 0;
            for (var i = 0; i < distinct.Count; i++)
            {
                while (level < LevelCount - 1 && distinct[i] > (levels[level] + levels[level + 1]) / 2f)
                {
                    level++;
                }

                sums[level] += distinct[i] * (double)counts[i];
                weights[level] += counts[i];
            }

            for (var i = 0; i < LevelCount; i++)
            {
                if (weights[i] > 0)
                {
                    levels[i] = (float)(sums[i] / weights[i]);
                }
            }
        }

        Array.Sort(levels);
        return new LogProbabilityQuantizer(levels);
    }

    /// <summary>The index of the level nearest to <paramref name="value"/>.</summary>
    internal byte Encode(float value)
    {
        var index = Array.BinarySearch(_boundaries, value);
        return (byte)(index >= 0 ? index : ~index);
    }
}
