using System.Buffers;

namespace SpinDetect.Text;

/// <summary>
/// A growable token buffer backed by <see cref="ArrayPool{T}"/>, reused across documents so that
/// tokenising allocates nothing once the buffer has grown to the largest document seen.
/// </summary>
internal sealed class TokenList : IDisposable
{
    private Token[] _items;

    /// <summary>Creates a list with room for <paramref name="capacity"/> tokens.</summary>
    public TokenList(int capacity = 256)
    {
        _items = ArrayPool<Token>.Shared.Rent(Math.Max(16, capacity));
    }

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The token at <paramref name="index"/>.</summary>
    public ref readonly Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            return ref _items[index];
        }
    }

    /// <summary>The tokens as a span (valid until the next <see cref="Add"/> or <see cref="Clear"/>).</summary>
    public ReadOnlySpan<Token> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Appends a token.</summary>
    public void Add(in Token token)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = token;
    }

    /// <summary>Forgets all tokens, keeping the buffer.</summary>
    public void Clear() => Count = 0;

    /// <inheritdoc />
    public void Dispose()
    {
        var items = _items;
        _items = [];
        Count = 0;
        if (items.Length > 0)
        {
            ArrayPool<Token>.Shared.Return(items);
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, Count).CopyTo(bigger);
        ArrayPool<Token>.Shared.Return(_items);
        _items = bigger;
    }

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Token index is outside the list.");
}
