using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpinDetect.Quality;

/// <summary>
/// Compact word vectors for the topic-coherence features of the quality models: a few tens of thousands of common
/// content words, keyed by <see cref="TextPatterns.WordHash"/> (so no lexicon is needed at run time), each a unit
/// vector of a few dozen dimensions (principal components of the word embeddings) quantised to sbytes. Built by the
/// trainer from <c>models/embeddings.bin</c> and stored in the quality model. Immutable, thread-safe, and every
/// lookup is allocation-free.
/// </summary>
internal sealed class QualityVectors
{
    /// <summary>Name of the model-file section holding the table.</summary>
    public const string SectionName = "quality-vectors";

    private const int FormatVersion = 1;
    private const int HeaderSize = 12;

    private readonly uint[] _keys;
    private readonly int[] _rows;
    private readonly sbyte[] _vectors;
    private readonly float[] _scales;
    private readonly int _mask;

    /// <summary>Creates the table from word hashes and their vectors (row-major, <paramref name="dimensions"/> per
    /// word, each row scaled so that multiplying by its entry of <paramref name="scales"/> gives a unit vector).</summary>
    /// <exception cref="ArgumentException">The arrays disagree in length, or a hash repeats or is zero.</exception>
    public QualityVectors(int dimensions, uint[] hashes, sbyte[] vectors, float[] scales)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 256);
        if (vectors.Length != hashes.Length * dimensions || scales.Length != hashes.Length)
        {
            throw new ArgumentException("The hashes, vectors and scales do not describe the same words.", nameof(vectors));
        }

        Dimensions = dimensions;
        _vectors = vectors;
        _scales = scales;
        Hashes = hashes;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _keys = new uint[size];
        _rows = new int[size];
        _mask = size - 1;
        for (var row = 0; row < hashes.Length; row++)
        {
            var hash = hashes[row];
            if (hash == 0)
            {
                throw new ArgumentException("A word hash of zero cannot be stored.", nameof(hashes));
            }

            var slot = Slot(hash);
            while (_keys[slot] != 0)
            {
                if (_keys[slot] == hash)
                {
                    throw new ArgumentException($"The word hash {hash} occurs twice.", nameof(hashes));
                }

                slot = (slot + 1) & _mask;
            }

            _keys[slot] = hash;
            _rows[slot] = row;
        }
    }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Number of words.</summary>
    public int Count => Hashes.Length;

    /// <summary>The word hashes in row order.</summary>
    internal uint[] Hashes { get; }

    /// <summary>Adds <paramref name="weight"/> × the unit vector of the word with <paramref name="hash"/> to
    /// <paramref name="target"/>; returns false (and adds nothing) when the word has no vector.</summary>
    public bool AddTo(uint hash, float weight, Span<float> target)
    {
        var row = Find(hash);
        if (row < 0)
        {
            return false;
        }

        var scale = weight * _scales[row];
        var dimensions = Dimensions;
        ref var source = ref MemoryMarshal.GetArrayDataReference(_vectors);
        var offset = row * dimensions;
        var span = target[..dimensions];
        for (var i = 0; i < span.Length; i++)
        {
            span[i] += Unsafe.Add(ref source, offset + i) * scale;
        }

        return true;
    }

    /// <summary>Cosine of two vectors of the same length; NaN when either is zero.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa <= 0 || bb <= 0 ? float.NaN : dot / MathF.Sqrt(aa * bb);
    }

    /// <summary>Cosine of <paramref name="part"/> with <paramref name="whole"/> − <paramref name="part"/> (the rest of
    /// a sum the part belongs to); NaN when either is zero.</summary>
    public static float CosineWithRest(ReadOnlySpan<float> part, ReadOnlySpan<float> whole)
    {
        float dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var rest = whole[i] - part[i];
            dot += part[i] * rest;
            aa += part[i] * part[i];
            bb += rest * rest;
        }

        // Rounding can leave a tiny non-zero rest when the part is the whole.
        return aa <= 0 || bb <= 1e-6f * aa ? float.NaN : dot / MathF.Sqrt(aa * bb);
    }

    /// <summary>Serialises the table: int32 version, int32 dimensions, int32 count, then the hashes (uint32), the
    /// scales (float32) and the vectors (sbytes), little-endian.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + (Count * 8) + _vectors.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Count);
        var at = HeaderSize;
        foreach (var hash in Hashes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), hash);
            at += 4;
        }

        foreach (var scale in _scales)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), scale);
            at += 4;
        }

        MemoryMarshal.AsBytes(_vectors.AsSpan()).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>Reads a table written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not such a table.</exception>
    public static QualityVectors FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadInt32LittleEndian(bytes) != FormatVersion)
        {
            throw new FormatException($"section '{SectionName}' has an unknown format");
        }

        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (dimensions is < 1 or > 256 || count < 0 || bytes.Length != HeaderSize + ((long)count * (8 + dimensions)))
        {
            throw new FormatException($"section '{SectionName}' has the wrong length");
        }

        var hashes = new uint[count];
        var scales = new float[count];
        var at = HeaderSize;
        for (var i = 0; i < count; i++, at += 4)
        {
            hashes[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
        }

        for (var i = 0; i < count; i++, at += 4)
        {
            scales[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        var vectors = MemoryMarshal.Cast<byte, sbyte>(bytes[at..]).ToArray();
        try
        {
            return new QualityVectors(dimensions, hashes, vectors, scales);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"section '{SectionName}': {e.Message}", e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint hash) => (int)(unchecked((hash ^ (hash >> 16)) * 0x45d9f3bu) >> 8) & _mask;

    private int Find(uint hash)
    {
        if (hash == 0)
        {
            return -1;
        }

        var slot = Slot(hash);
        while (true)
        {
            var key = _keys[slot];
            if (key == hash)
            {
                return _rows[slot];
            }

            if (key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
