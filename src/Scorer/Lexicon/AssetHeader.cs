using System.Buffers.Binary;
using System.Text;

namespace SpinDetect.Lexicon;

/// <summary>
/// The opening checks the binary language assets share (lexicon, word vectors): the fixed-size header is all
/// there, starts with the asset's magic, and carries the format version this build reads. Each failure names
/// the file and says what to do, through the caller's error factory.
/// </summary>
internal static class AssetHeader
{
    /// <summary>
    /// Fills <paramref name="header"/> from <paramref name="stream"/> and checks its magic (the first bytes) and the
    /// little-endian format version that follows it.
    /// </summary>
    /// <param name="stream">The asset, positioned at its start.</param>
    /// <param name="header">Receives the header; its length is the header size.</param>
    /// <param name="magic">The asset's 8-byte magic.</param>
    /// <param name="formatVersion">The version this build reads.</param>
    /// <param name="kind">What the asset is, for "is not a SpinDetect …".</param>
    /// <param name="rebuild">The command that rebuilds the asset.</param>
    /// <param name="error">Makes the exception for a problem (the caller adds the file name).</param>
    internal static void Read(
        Stream stream, Span<byte> header, ReadOnlySpan<byte> magic, int formatVersion, string kind, string rebuild,
        Func<string, LexiconFormatException> error)
    {
        var length = stream.Length;
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw error($"is truncated: {length} bytes, shorter than the {header.Length}-byte header");
        }

        var start = header[..magic.Length];
        if (!start.SequenceEqual(magic))
        {
            throw error($"is not a SpinDetect {kind} (starts with '{Printable(start)}', bytes {Convert.ToHexString(start)}; expected '{Encoding.ASCII.GetString(magic)}')");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[magic.Length..]);
        if (version != formatVersion)
        {
            throw error($"has format version {version}; this build reads version {formatVersion} (rebuild it with '{rebuild}')");
        }
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(b is >= 32 and < 127 ? (char)b : '?');
        }

        return builder.ToString();
    }
}
