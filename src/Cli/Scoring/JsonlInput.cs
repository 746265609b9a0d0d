using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Reads <c>--jsonl-in</c> records, one JSON object per line with a string <c>text</c> and an <c>id</c> (string or
/// number). A bad line becomes a failed input named by its id when it has one, else <c>line N</c>; blank lines are
/// skipped. Lines are read as bytes: invalid UTF-8 is decoded with replacement characters and the record flagged, as
/// for files, and no line is held beyond the input size limit.
/// </summary>
internal static class JsonlInput
{
    /// <summary>Bytes of an over-long line kept to find an <c>id</c> written before its text.</summary>
    private const int IdSearchBytes = 1 << 16;

    /// <summary>Bytes a line may hold beyond the limit before it is cut: a carriage return and a byte-order mark,
    /// which are not part of the record.</summary>
    private const int LineEndSlack = 4;

    /// <summary>The inputs in <paramref name="stream"/>, lazily. UTF-8, or UTF-16/32 with a byte-order mark; lines
    /// end with LF, CRLF or CR.</summary>
    public static IEnumerable<InputItem> Read(Stream stream, long maxBytes)
    {
        var chunk = new byte[1 << 16];
        var read = stream.ReadAtLeast(chunk, 4, throwOnEndOfStream: false);
        var (encoding, bom) = ByteOrderMark(chunk.AsSpan(0, read));
        var position = bom;
        if (encoding is not null)
        {
            // Other encodings are read as UTF-8 bytes through a transcoding stream, so one splitter serves all.
            stream = Encoding.CreateTranscodingStream(new PrefixedStream(chunk[bom..read], stream), encoding, Encoding.UTF8);
            chunk = new byte[chunk.Length];
            read = position = 0;
        }

        var line = new ArrayBufferWriter<byte>();
        var over = false;
        long lineBytes = 0;
        var lineNumber = 0;
        do
        {
            while (position < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', position, read - position);
                var end = newline < 0 ? read : newline;
                Append(line, chunk.AsSpan(position, end - position), ref lineBytes, ref over, maxBytes);
                if (newline < 0)
                {
                    break;
                }

                position = newline + 1;
                foreach (var item in Finish(line.WrittenSpan.ToArray(), over, ref lineNumber, maxBytes))
                {
                    yield return item;
                }

                line.Clear();
                lineBytes = 0;
                over = false;
            }

            position = 0;
        }
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0);

        if (lineBytes > 0)
        {
            foreach (var item in Finish(line.WrittenSpan.ToArray(), over, ref lineNumber, maxBytes))
            {
                yield return item;
            }
        }
    }

    /// <summary>The encoding a UTF-16 or UTF-32 byte-order mark announces, with the mark's length; (null, 3) for a
    /// UTF-8 mark and (null, 0) for none.</summary>
    private static (Encoding? Encoding, int Length) ByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (null, 3),
        [0xFF, 0xFE, 0, 0, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    private static void Append(ArrayBufferWriter<byte> line, ReadOnlySpan<byte> piece, ref long lineBytes, ref bool over, long maxBytes)
    {
        lineBytes += piece.Length;
        if (!over && lineBytes > maxBytes + LineEndSlack)
        {
            // Past the limit only the start is kept, where the id of a well-formed record stands.
            over = true;
            var keep = Math.Max(0, Math.Min(piece.Length, IdSearchBytes - line.WrittenCount));
            line.Write(piece[..keep]);
            return;
        }

        if (!over)
        {
            line.Write(piece);
        }
    }

    /// <summary>The records of one LF-ended line: one, or several when old-style CR alone ends lines (JSON text never
    /// holds a raw CR, so a CR inside the line ends a record).</summary>
    private static List<InputItem> Finish(byte[] line, bool over, ref int lineNumber, long maxBytes)
    {
        var items = new List<InputItem>(1);
        var body = line.AsSpan();
        if (body.EndsWith((byte)'\r'))
        {
            body = body[..^1];
        }

        while (true)
        {
            var cr = over ? -1 : body.IndexOf((byte)'\r');
            var record = cr < 0 ? body : body[..cr];
            lineNumber++;
            if (FinishRecord(record, over || record.Length > maxBytes, lineNumber, maxBytes) is { } item)
            {
                items.Add(item);
            }

            if (cr < 0)
            {
                return items;
            }

            body = body[(cr + 1)..];
        }
    }

    private static InputItem? FinishRecord(ReadOnlySpan<byte> line, bool over, int lineNumber, long maxBytes)
    {
        if (line.Trim(" \t\r\f\v"u8).IsEmpty)
        {
            return null;
        }

        var fallbackId = $"line {lineNumber}";
        if (over)
        {
            return InputItem.Failed(LeadingId(line) ?? fallbackId, $"line {lineNumber}: record over the {maxBytes / (1024 * 1024)} MB limit; not scored");
        }

        var invalidEncoding = !Utf8.IsValid(line);
        try
        {
            // Invalid bytes become U+FFFD, as in a file, and the record is flagged.
            using var document = invalidEncoding ? JsonDocument.Parse(Encoding.UTF8.GetString(line)) : JsonDocument.Parse(line.ToArray());
            return Parse(document.RootElement, lineNumber, fallbackId, invalidEncoding);
        }
        catch (JsonException e)
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: not valid JSON: {e.Message}");
        }
    }

    private static InputItem Parse(JsonElement root, int lineNumber, string fallbackId, bool invalidEncoding)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: expected a JSON object with \"id\" and \"text\"");
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: missing \"id\" (a string or a number)");
        }

        if (!TryGetString(idElement, out var id))
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: the id holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is not text");
        }

        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return InputItem.Failed(id, $"line {lineNumber}: missing \"text\" (a string)");
        }

        if (!TryGetString(text, out var value))
        {
            return InputItem.Failed(id, $"line {lineNumber}: the text holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is not text");
        }

        return value.Length == 0
            ? InputItem.Failed(id, $"line {lineNumber}: empty text; not scored")
            : new InputItem(id, InputKind.Inline, Text: value, InvalidEncoding: invalidEncoding);
    }

    /// <summary>A string's value (a number's digits as written); false for a string that cannot become .NET text.</summary>
    private static bool TryGetString(JsonElement element, out string value)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            value = element.GetRawText();
            return true;
        }

        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape is legal JSON but has no UTF-16 string.
            value = "";
            return false;
        }
    }

    /// <summary>The <c>id</c> of an object whose start is <paramref name="start"/>, when it comes before anything cut off.</summary>
    private static string? LeadingId(ReadOnlySpan<byte> start)
    {
        try
        {
            var reader = new Utf8JsonReader(start, isFinalBlock: false, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed before the id: the line number names the record.
        }

        return null;
    }

    /// <summary>A stream that returns <paramref name="prefix"/> before the rest of <paramref name="rest"/>: the bytes
    /// already read to find the byte-order mark.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
