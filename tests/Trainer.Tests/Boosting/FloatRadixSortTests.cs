using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Tests.Boosting;

public sealed class FloatRadixSortTests
{
    [Fact]
    public void Sorts_signs_zeros_infinities_and_subnormals_like_a_comparison_sort()
    {
        var random = new Random(5);
        var values = new float[5_000];
        float[] specials = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 10 == 0 ? specials[random.Next(specials.Length)] : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 8)));
        }

        var expected = values.Select(v => v == 0 ? 0f : v).ToArray();
        Array.Sort(expected);

        FloatRadixSort.Sort(values);

        Assert.Equal(expected, values);
        Assert.DoesNotContain(values, v => v == 0 && float.IsNegative(v));
    }

    [Fact]
    public void Sorting_any_finite_values_gives_the_comparison_sort_order() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 8f)).Where(a => a.Length > 0).Select(a => Enumerable.Repeat(a, 600 / a.Length + 1).SelectMany(x => x).ToArray()).ToArbitrary(),
            values =>
            {
                var expected = values.Select(v => v == 0 ? 0f : v).ToArray();
                Array.Sort(expected);
                FloatRadixSort.Sort(values);
                return expected.AsSpan().SequenceEqual(values);
            }).QuickCheckThrowOnFailure();
}
