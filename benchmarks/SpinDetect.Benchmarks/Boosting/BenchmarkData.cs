using SpinDetect.Training.Boosting;

namespace SpinDetect.Benchmarks.Boosting;

/// <summary>A seeded synthetic table with interactions and missing values, for the boosting benchmarks.</summary>
internal static class BenchmarkData
{
    internal static TabularData Create(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * features];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * features, features);
            for (var f = 0; f < features; f++)
            {
                row[f] = (float)((random.NextDouble() * 2) - 1);
            }

            var logit = (2 * row[0] * row[1]) + row[2] - (0.5 * row[3]) + (row[4] > 0.5 ? 1 : 0);
            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
            if (random.NextDouble() < 0.1)
            {
                row[5 % features] = float.NaN;
            }
        }

        var names = new string[features];
        for (var f = 0; f < features; f++)
        {
            names[f] = $"f{f}";
        }

        return new TabularData(names, values, labels);
    }
}
