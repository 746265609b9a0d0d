using System.Buffers;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Sorts floats (no NaN) ascending by a least-significant-digit radix sort on their bit patterns: three passes of
/// 11 bits, linear in the count, several times faster than a comparison sort on the tens of thousands of values
/// each feature's bin bounds are placed from. −0 is sorted as +0 (the two compare equal, and bins treat them as one).
/// </summary>
internal static class FloatRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int SmallCount = 512;

    /// <summary>Sorts the values in place.</summary>
    internal static void Sort(Span<float> values)
    {
        if (values.Length < SmallCount)
        {
            values.Sort();
            return;
        }

        var keys = ArrayPool<uint>.Shared.Rent(values.Length);
        var swap = ArrayPool<uint>.Shared.Rent(values.Length);
        try
        {
            var source = keys.AsSpan(0, values.Length);
            var target = swap.AsSpan(0, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                source[i] = KeyOf(values[i]);
            }

            Span<int> offsets = stackalloc int[Buckets];
            for (var shift = 0; shift < 32; shift += DigitBits)
            {
                offsets.Clear();
                foreach (var key in source)
                {
                    offsets[(int)((key >> shift) & (Buckets - 1))]++;
                }

                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = offsets[b];
                    offsets[b] = sum;
                    sum += count;
                }

                foreach (var key in source)
                {
                    target[offsets[(int)((key >> shift) & (Buckets - 1))]++] = key;
                }

                var done = source;
                source = target;
                target = done;
            }

            // Three passes leave the sorted keys in the rented 'swap' array's span ('source' after the last swap).
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ValueOf(source[i]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(keys);
            ArrayPool<uint>.Shared.Return(swap);
        }
    }

    // Order-preserving map: positive floats get the sign bit set, negative ones are inverted entirely.
    private static uint KeyOf(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value == 0 ? 0f : value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float ValueOf(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
