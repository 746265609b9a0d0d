using System.Text;
using System.Text.Json;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Reads <c>--jsonl-in</c> records, one JSON object per line with a string <c>text</c> and an <c>id</c> (string or
/// number). A bad line becomes a failed input named <c>line N</c> (or by its id when it has one); blank lines are
/// skipped.
/// </summary>
internal static class JsonlInput
{
    /// <summary>The inputs in <paramref name="stream"/>, lazily.</summary>
    public static IEnumerable<InputItem> Read(Stream stream, long maxBytes)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, lineNumber, maxBytes);
        }
    }

    private static InputItem Parse(string line, int lineNumber, long maxBytes)
    {
        var fallbackId = $"line {lineNumber}";
        if (Encoding.UTF8.GetMaxByteCount(line.Length) > maxBytes && Encoding.UTF8.GetByteCount(line) > maxBytes)
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: record over the {maxBytes / (1024 * 1024)} MB limit; not scored");
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InputItem.Failed(fallbackId, $"line {lineNumber}: expected a JSON object with \"id\" and \"text\"");
            }

            var id = root.TryGetProperty("id", out var idElement) ? idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            } : null;
            if (id == null)
            {
                return InputItem.Failed(fallbackId, $"line {lineNumber}: missing \"id\" (a string or a number)");
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return InputItem.Failed(id, $"line {lineNumber}: missing \"text\" (a string)");
            }

            var value = text.GetString()!;
            return value.Length == 0
                ? InputItem.Failed(id, $"line {lineNumber}: empty text; not scored")
                : new InputItem(id, InputKind.Inline, Text: value);
        }
        catch (JsonException e)
        {
            return InputItem.Failed(fallbackId, $"line {lineNumber}: not valid JSON: {e.Message}");
        }
    }
}
