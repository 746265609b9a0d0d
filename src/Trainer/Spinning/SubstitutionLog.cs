using System.Text;
using System.Text.Json;
using SpinDetect.Text;

namespace SpinDetect.Training.Spinning;

/// <summary>
/// Works with a text's substitution log: replays it on the original, derives token labels for the spun text,
/// and writes/reads it as JSON (an array of objects with <c>original_start</c>, <c>original_length</c>,
/// <c>spun_start</c>, <c>spun_length</c>, <c>original</c>, <c>replacement</c>).
/// </summary>
internal static class SubstitutionLog
{
    /// <summary>Applies <paramref name="substitutions"/> (ordered, non-overlapping) to <paramref name="original"/>.</summary>
    /// <exception cref="InvalidDataException">The log does not fit the original (overlap, wrong text, wrong offsets).</exception>
    public static string Apply(string original, IReadOnlyList<Substitution> substitutions)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(substitutions);
        var builder = new StringBuilder(original.Length + 16);
        var cursor = 0;
        for (var i = 0; i < substitutions.Count; i++)
        {
            var s = substitutions[i];
            if (s.OriginalStart < cursor || s.OriginalEnd > original.Length)
            {
                throw new InvalidDataException($"Substitution {i} at {s.OriginalStart} overlaps the previous one or lies outside the text.");
            }

            if (!original.AsSpan(s.OriginalStart, s.OriginalLength).SequenceEqual(s.Original))
            {
                throw new InvalidDataException($"Substitution {i} expects '{s.Original}' at {s.OriginalStart} but the original has something else.");
            }

            builder.Append(original, cursor, s.OriginalStart - cursor);
            if (builder.Length != s.SpunStart || s.Replacement.Length != s.SpunLength)
            {
                throw new InvalidDataException($"Substitution {i}: spun offset {s.SpunStart}/{s.SpunLength} does not match the replayed text.");
            }

            builder.Append(s.Replacement);
            cursor = s.OriginalEnd;
        }

        builder.Append(original, cursor, original.Length - cursor);
        return builder.ToString();
    }

    /// <summary>Writes the log as a JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<Substitution> substitutions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(substitutions);
        writer.WriteStartArray();
        foreach (var s in substitutions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("original_start", s.OriginalStart);
            writer.WriteNumber("original_length", s.OriginalLength);
            writer.WriteNumber("spun_start", s.SpunStart);
            writer.WriteNumber("spun_length", s.SpunLength);
            writer.WriteString("original", s.Original);
            writer.WriteString("replacement", s.Replacement);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a log written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The element is not such an array (message says what is missing).</exception>
    public static List<Substitution> Read(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("A substitution log must be a JSON array.");
        }

        var result = new List<Substitution>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            result.Add(new Substitution(
                Int(item, "original_start"), Int(item, "original_length"), Int(item, "spun_start"), Int(item, "spun_length"),
                Str(item, "original"), Str(item, "replacement")));
        }

        return result;
    }

    private static int Int(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : throw new InvalidDataException($"Substitution entry lacks the integer '{name}'.");

    private static string Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"Substitution entry lacks the string '{name}'.");
}
