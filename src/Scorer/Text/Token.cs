using System.Runtime.InteropServices;

namespace SpinDetect.Text;

/// <summary>One token: a slice of the source text with its kind and flags; 12 bytes, no string.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>Offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>Whether the token has every flag in <paramref name="flags"/>.</summary>
    public bool Has(TokenFlags flags) => (Flags & flags) == flags;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
