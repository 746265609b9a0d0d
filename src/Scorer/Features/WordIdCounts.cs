using System.Buffers;
using System.Numerics;

namespace SpinDetect.Features;

/// <summary>
/// How often each word id occurs in the current document, and optionally a sum of values per id: a small
/// open-addressing table sized to the document (not to the vocabulary), kept between documents so steady-state
/// scoring allocates nothing. Not thread-safe.
/// </summary>
internal sealed class WordIdCounts : IDisposable
{
    private const int Empty = -1;

    private int[] _keys = [];
    private int[] _counts = [];
    private float[] _sums = [];
    private int _mask;

    /// <summary>Empties the table and makes room for up to <paramref name="distinctIds"/> ids at most half full.</summary>
    public void Reset(int distinctIds)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, distinctIds * 2));
        if (_keys.Length < size)
        {
            Return();
            _keys = ArrayPool<int>.Shared.Rent(size);
            _counts = ArrayPool<int>.Shared.Rent(size);
            _sums = ArrayPool<float>.Shared.Rent(size);
        }

        _mask = size - 1;
        _keys.AsSpan(0, size).Fill(Empty);
    }

    /// <summary>Counts one occurrence of a word id (≥ 0) and adds <paramref name="value"/> to its sum.</summary>
    public void Add(int id, float value = 0)
    {
        var slot = Find(id);
        if (_keys[slot] == Empty)
        {
            _keys[slot] = id;
            _counts[slot] = 0;
            _sums[slot] = 0;
        }

        _counts[slot]++;
        _sums[slot] += value;
    }

    /// <summary>Sum of the values added for a word id (0 when absent or negative).</summary>
    public float SumOf(int id)
    {
        if (id < 0 || _keys.Length == 0)
        {
            return 0;
        }

        var slot = Find(id);
        return _keys[slot] == id ? _sums[slot] : 0;
    }

    /// <summary>Occurrences of a word id (0 when absent or negative).</summary>
    public int CountOf(int id)
    {
        if (id < 0 || _keys.Length == 0)
        {
            return 0;
        }

        var slot = Find(id);
        return _keys[slot] == id ? _counts[slot] : 0;
    }

    /// <inheritdoc />
    public void Dispose() => Return();

    // Linear probing from a multiplicative hash; the table is at most half full, so a probe always ends.
    private int Find(int id)
    {
        var slot = (int)(((uint)id * 0x9E3779B1u) >> 7) & _mask;
        while (_keys[slot] != Empty && _keys[slot] != id)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private void Return()
    {
        if (_keys.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_keys);
            ArrayPool<int>.Shared.Return(_counts);
            ArrayPool<float>.Shared.Return(_sums);
        }

        _keys = [];
        _counts = [];
        _sums = [];
    }
}
