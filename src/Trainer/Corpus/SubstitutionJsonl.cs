using System.Text;
using System.Text.Json;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// The corpus's substitution side file: one JSON object per spun text and line,
/// <c>{"id": …, "original_id": …, "substitutions": [ … ]}</c> (entries as <see cref="SubstitutionLog"/> writes them).
/// </summary>
internal static class SubstitutionJsonl
{
    /// <summary>Writes one line per entry to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<(string Id, string OriginalId, IReadOnlyList<Substitution> Substitutions)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        AtomicFile.Write(path, stream =>
        {
            var newline = "\n"u8.ToArray();
            foreach (var (id, originalId, substitutions) in entries)
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("original_id", originalId);
                    writer.WritePropertyName("substitutions");
                    SubstitutionLog.Write(writer, substitutions);
                    writer.WriteEndObject();
                }

                stream.Write(newline);
            }
        });
    }

    /// <summary>Reads the side file into a map from spun-text id to its log.</summary>
    /// <exception cref="InvalidDataException">A line is not valid (message names file and line).</exception>
    public static Dictionary<string, List<Substitution>> Read(string path)
    {
        var result = new Dictionary<string, List<Substitution>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.GetProperty("id").GetString() ?? throw new InvalidDataException("id is null");
                result[id] = SubstitutionLog.Read(root.GetProperty("substitutions"));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidDataException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: {e.Message}", e);
            }
        }

        return result;
    }
}
