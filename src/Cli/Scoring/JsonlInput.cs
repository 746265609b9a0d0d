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

    /// <summary>The inputs in <paramref name="stream"/>, lazily.</summary>
    public static IEnumerable<InputItem> Read(Stream stream, long maxBytes)
    {
        var chunk = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>();
        var over = false;
        long lineBytes = 0;
        var lineNumber = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var position = 0;
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
                lineNumber++;
                if (Finish(line.WrittenSpan, over, lineNumber, maxBytes) is { } item)
                {
                    yield return item;
                }

                line.Clear();
                lineBytes = 0;
                over = false;
            }
        }

        if (lineBytes > 0)
        {
            lineNumber++;
            if (Finish(line.WrittenSpan, over, lineNumber, maxBytes) is { } item)
            {
                yield return item;
            }
        }
    }

    private static void Append(ArrayBufferWriter<byte> line, ReadOnlySpan<byte> piece, ref long lineBytes, ref bool over, long maxBytes)
    {
        lineBytes += piece.Length;
        if (!over && lineBytes > maxBytes)
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

    private static InputItem? Finish(ReadOnlySpan<byte> line, bool over, int lineNumber, long maxBytes)
    {
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

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
}
