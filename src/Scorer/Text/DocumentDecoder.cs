using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace SpinDetect.Text;

/// <summary>
/// Turns the bytes of one document into text: a byte-order mark selects UTF-8, UTF-16 or UTF-32, anything else is
/// read as UTF-8. Invalid sequences become U+FFFD and are reported, never thrown. Empty, binary (NUL bytes) and
/// over-large inputs are rejected with an <see cref="InvalidDataException"/> whose message names the input
/// and whose <see cref="Exception.Data"/> holds the reason alone under <see cref="ReasonKey"/>.
/// </summary>
internal static class DocumentDecoder
{
    /// <summary>Report flag for text that was decoded with replacement characters.</summary>
    public const string InvalidEncodingFlag = "invalid-encoding";

    /// <summary>Key of the reason without the input's name in a rejection's <see cref="Exception.Data"/>.</summary>
    public const string ReasonKey = "SpinDetect.Reason";

    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16LeStrict = new UnicodeEncoding(false, false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16BeStrict = new UnicodeEncoding(true, false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf32LeStrict = new UTF32Encoding(false, false, throwOnInvalidCharacters: true);
    private static readonly Encoding Utf32BeStrict = new UTF32Encoding(true, false, throwOnInvalidCharacters: true);

    /// <summary>Reads and decodes the file at <paramref name="path"/>, looking at its size once, on the open handle.</summary>
    public static DecodedText ReadFile(string path, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw Reject(path, "is a folder, not a file");
        }

        using var handle = ReadableFile.Open(path);
        if (!ReadableFile.IsSeekable(handle))
        {
            // A named pipe would block the reader until someone writes to it, a socket or terminal the same.
            throw Reject(path, "not a regular file (a named pipe, socket or device); not read");
        }

        var length = RandomAccess.GetLength(handle);
        CheckSize(path, length, maxBytes);
        if (length == 0)
        {
            // Files such as /proc entries report 0 yet have content: read them as a stream.
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            return ReadStream(stream, maxBytes, path);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var read = ReadAll(handle, buffer.AsSpan(0, (int)length));
            return Decode(buffer.AsSpan(0, read), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end (at most <paramref name="maxBytes"/>) and decodes it.</summary>
    public static DecodedText ReadStream(Stream stream, long maxBytes, string origin)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        CopyBounded(stream, buffer, maxBytes, origin);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), origin);
    }

    /// <summary>Asynchronously reads <paramref name="stream"/> to its end (at most <paramref name="maxBytes"/>) and decodes it.</summary>
    public static async ValueTask<DecodedText> ReadStreamAsync(Stream stream, long maxBytes, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                CheckSize(origin, buffer.Length + read, maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), origin);
    }

    /// <summary>Decodes one document's bytes.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.IsEmpty)
        {
            throw Reject(origin, "empty file (0 bytes); not scored");
        }

        var (strict, bomLength) = DetectEncoding(bytes);
        var body = bytes[bomLength..];
        if (body.IsEmpty)
        {
            throw Reject(origin, $"empty file (only a {bomLength}-byte byte-order mark); not scored");
        }

        if (strict == null)
        {
            var nul = body.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw Binary(origin, nul + bomLength);
            }

            // Encoding.UTF8 replaces invalid sequences; the vectorised check says whether it had to.
            return new DecodedText(Encoding.UTF8.GetString(body), !Utf8.IsValid(body));
        }

        DecodedText decoded;
        try
        {
            decoded = new DecodedText(strict.GetString(body), false);
        }
        catch (DecoderFallbackException)
        {
            // Rare: decode again, this time replacing what is invalid, and say so.
            var lenient = (Encoding)strict.Clone();
            lenient.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
            decoded = new DecodedText(lenient.GetString(body), true);
        }

        var nulChar = decoded.Text.IndexOf('\0', StringComparison.Ordinal);
        return nulChar >= 0 ? throw Binary(origin, -1) : decoded;
    }

    /// <summary>Throws when <paramref name="length"/> exceeds <paramref name="maxBytes"/>.</summary>
    public static void CheckSize(string origin, long length, long maxBytes)
    {
        if (length > maxBytes)
        {
            throw Reject(
                origin, $"too large: {FormatMegabytes(length)} is over the {FormatMegabytes(maxBytes)} limit; not scored");
        }
    }

    private static string FormatMegabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    /// <summary>The reason an input was rejected, without its name, or <see langword="null"/>.</summary>
    public static string? ReasonOf(Exception exception) => exception?.Data[ReasonKey] as string;

    private static InvalidDataException Reject(string origin, string reason)
    {
        var exception = new InvalidDataException($"{origin}: {reason}");
        exception.Data[ReasonKey] = reason;
        return exception;
    }

    private static InvalidDataException Binary(string origin, int offset) => Reject(
        origin,
        offset >= 0
            ? $"binary file (NUL byte at offset {offset}); not scored"
            : "binary file (NUL character in decoded text); not scored");

    private static (Encoding? Strict, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE's mark starts with UTF-16 LE's, so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (Utf32LeStrict, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (Utf32BeStrict, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Utf16LeStrict, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Utf16BeStrict, 2);
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (null, 3) : (null, 0);
    }

    private static int ReadAll(SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void CopyBounded(Stream source, MemoryStream destination, long maxBytes, string origin)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                CheckSize(origin, destination.Length + read, maxBytes);
                destination.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
