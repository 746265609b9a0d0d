using SpinDetect.Features;

namespace SpinDetect.Tests.Features;

public sealed class MedianTests
{
    [Fact]
    public void The_selected_median_has_the_bits_of_the_sorted_median_unless_a_middle_zero_has_both_signs_around()
    {
        // Few distinct values (many ties), signed zeros, infinities and wide ranges, odd and even counts.
        var random = new Random(17);
        float[] pool = [0f, -0f, 1f, -1f, 0.5f, -2.25f, float.PositiveInfinity, float.NegativeInfinity, 1e-30f, -1e-30f];
        var selected = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var values = new float[random.Next(1, 60)];
            var mode = random.Next(3);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = mode switch
                {
                    0 => pool[random.Next(pool.Length)],
                    1 => random.Next(4) - 1.5f,
                    _ => (float)((random.NextDouble() - 0.5) * 100),
                };
            }

            var sorted = (float[])values.Clone();
            sorted.AsSpan().Sort();
            var n = sorted.Length;
            var middleHasZero = sorted[n / 2] == 0f || ((n & 1) == 0 && sorted[(n / 2) - 1] == 0f);
            var expected = (n & 1) == 1 ? sorted[n / 2] : 0.5f * (sorted[(n / 2) - 1] + sorted[n / 2]);
            var mixedZeros = values.Any(v => v == 0f && float.IsNegative(v)) && values.Any(v => v == 0f && !float.IsNegative(v));
            var ok = SpinFeaturizer.TrySelectMedian(values, mixedZeros, out var actual);
            Assert.Equal(!(middleHasZero && mixedZeros), ok);
            if (ok)
            {
                selected++;
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
            }
        }

        Assert.True(selected > 10_000);
    }
}
