using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

/// <summary>Small seeded data sets for learner tests.</summary>
internal static class Synthetic
{
    /// <summary>Rows of uniform features in [-1, 1]; the label comes from <paramref name="label"/> of the row.</summary>
    internal static TabularData Make(int rows, int features, int seed, Func<float[], bool> label, double noise = 0)
    {
        var random = new Random(seed);
        var values = new float[rows * features];
        var labels = new float[rows];
        var row = new float[features];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++)
            {
                row[f] = (float)((random.NextDouble() * 2) - 1);
            }

            var y = label(row);
            if (random.NextDouble() < noise)
            {
                y = !y;
            }

            row.CopyTo(values, r * features);
            labels[r] = y ? 1 : 0;
        }

        var names = Enumerable.Range(0, features).Select(f => $"f{f}").ToArray();
        return new TabularData(names, values, labels);
    }

    /// <summary>XOR of the signs of the first two features; the others are noise.</summary>
    internal static TabularData Xor(int rows, int seed, double noise = 0) =>
        Make(rows, 4, seed, static x => (x[0] > 0) ^ (x[1] > 0), noise);
}
