namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>Reproducible random choices of the evaluation.</summary>
internal static class Sampling
{
    /// <summary><paramref name="count"/> distinct indices below <paramref name="n"/>, in random order (partial Fisher–Yates).</summary>
    public static int[] Distinct(Random random, int n, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }

    /// <summary>FNV-1a over the seed and the text: stable across runs and .NET versions, unlike string.GetHashCode.</summary>
    public static int StableHash(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
