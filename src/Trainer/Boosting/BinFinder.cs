using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// Maps values to bins with SIMD compares instead of a branchy binary search: the bounds are padded to chunks of
/// eight, a summary of each chunk's last bound picks the chunk, and one compare within it gives the bin, which is
/// the number of bounds below the value. About twice as fast as a binary search on 255 bounds.
/// </summary>
internal readonly struct BinFinder
{
    private const int Width = 8;
    private const int MaximumChunks = 32;

    private readonly float[] _padded;
    private readonly float[] _summary;

    /// <summary>Prepares the lookup for a feature's ascending upper bounds (last = +∞, at most 256).</summary>
    internal BinFinder(float[] upper)
    {
        var chunks = (upper.Length + Width - 1) / Width;
        _padded = new float[chunks * Width];
        Array.Fill(_padded, float.PositiveInfinity);
        upper.CopyTo(_padded, 0);
        _summary = new float[MaximumChunks];
        Array.Fill(_summary, float.PositiveInfinity);
        for (var c = 0; c < chunks; c++)
        {
            _summary[c] = _padded[(c * Width) + Width - 1];
        }
    }

    /// <summary>The bin of a value; NaN maps to <see cref="BinnedMatrix.MissingBin"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal byte BinOf(float value)
    {
        if (float.IsNaN(value))
        {
            return BinnedMatrix.MissingBin;
        }

        var v = Vector256.Create(value);
        ref var summary = ref MemoryMarshal.GetArrayDataReference(_summary);
        var below =
            Vector256.LessThan(Vector256.LoadUnsafe(ref summary), v).ExtractMostSignificantBits() |
            (Vector256.LessThan(Vector256.LoadUnsafe(ref summary, 8), v).ExtractMostSignificantBits() << 8) |
            (Vector256.LessThan(Vector256.LoadUnsafe(ref summary, 16), v).ExtractMostSignificantBits() << 16) |
            (Vector256.LessThan(Vector256.LoadUnsafe(ref summary, 24), v).ExtractMostSignificantBits() << 24);
        // Chunks are sorted, so the chunks wholly below the value are a prefix; the last bound (+∞) is never below.
        var chunk = BitOperations.PopCount(below);
        var inChunk = Vector256.LessThan(Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_padded), (nuint)(chunk * Width)), v)
            .ExtractMostSignificantBits();
        return (byte)((chunk * Width) + BitOperations.PopCount(inChunk));
    }
}
