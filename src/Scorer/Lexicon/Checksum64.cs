using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SpinDetect.Lexicon;

/// <summary>
/// The xxHash64 checksum (seed 0), written here because System.IO.Hashing is not available from the package
/// mirror. Used to detect corrupted lexicon sections; not a cryptographic hash.
/// </summary>
internal static class Checksum64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    /// <summary>The xxHash64 of <paramref name="data"/> with seed 0.</summary>
    internal static ulong Compute(ReadOnlySpan<byte> data)
    {
        var length = (ulong)data.Length;
        ulong hash;
        if (data.Length >= 32)
        {
            ulong v1 = unchecked(Prime1 + Prime2), v2 = Prime2, v3 = 0, v4 = unchecked(0 - Prime1);
            var stripes = data.Length & ~31;
            if (BitConverter.IsLittleEndian)
            {
                // Whole stripes as ulongs: several times faster than slicing, and lexicon loads hash ~35 MB.
                var words = MemoryMarshal.Cast<byte, ulong>(data[..stripes]);
                for (var i = 0; i < words.Length; i += 4)
                {
                    v1 = Round(v1, words[i]);
                    v2 = Round(v2, words[i + 1]);
                    v3 = Round(v3, words[i + 2]);
                    v4 = Round(v4, words[i + 3]);
                }
            }
            else
            {
                for (var i = 0; i < stripes; i += 32)
                {
                    v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
                    v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
                    v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 16)..]));
                    v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 24)..]));
                }
            }

            data = data[stripes..];

            hash = unchecked(BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18));
            hash = Merge(hash, v1);
            hash = Merge(hash, v2);
            hash = Merge(hash, v3);
            hash = Merge(hash, v4);
        }
        else
        {
            hash = Prime5;
        }

        unchecked
        {
            hash += length;
            while (data.Length >= 8)
            {
                hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data));
                hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
                data = data[8..];
            }

            if (data.Length >= 4)
            {
                hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data) * Prime1;
                hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
                data = data[4..];
            }

            foreach (var b in data)
            {
                hash ^= b * Prime5;
                hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            }

            hash ^= hash >> 33;
            hash *= Prime2;
            hash ^= hash >> 29;
            hash *= Prime3;
            hash ^= hash >> 32;
        }

        return hash;
    }

    private static ulong Round(ulong accumulator, ulong input) =>
        unchecked(BitOperations.RotateLeft(accumulator + (input * Prime2), 31) * Prime1);

    private static ulong Merge(ulong accumulator, ulong value) =>
        unchecked(((accumulator ^ Round(0, value)) * Prime1) + Prime4);
}
