using System.Buffers;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Recovers an interrupted run's output for <c>--resume</c>: reads the records already written, cuts off a last
/// record that was being written when the run stopped, and returns the paths that already have a record.
/// </summary>
/// <remarks>
/// Records are written in input order, so a partial output is always a prefix of the full one: continuing with the
/// inputs whose paths are missing yields the same file as an uninterrupted run. Failed inputs keep their error record
/// and are not retried.
/// </remarks>
internal static class ResumeFile
{
    /// <summary>Truncates <paramref name="path"/> to its complete records and returns what they hold.</summary>
    /// <exception cref="InvalidDataException">The file is not an output of <c>spindetect score</c> in <paramref name="format"/>.</exception>
    public static ResumedOutput Recover(string path, OutputFormat format) => Truncate(path, Read(path, format));

    /// <summary>What <paramref name="path"/> holds and the length of its complete records, without changing it.</summary>
    /// <exception cref="InvalidDataException">The file is not an output of <c>spindetect score</c> in <paramref name="format"/>.</exception>
    public static (ResumedOutput Done, long Length) Read(string path, OutputFormat format) =>
        format == OutputFormat.Csv ? ReadCsv(path) : ReadJsonl(path);

    /// <summary>Cuts <paramref name="path"/> to the complete records <paramref name="read"/> found.</summary>
    public static ResumedOutput Truncate(string path, (ResumedOutput Done, long Length) read)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            if (stream.Length != read.Length)
            {
                stream.SetLength(read.Length);
            }
        }

        return read.Done with { HasContent = read.Length > 0 };
    }

    /// <summary>Whether <paramref name="path"/> starts with a record (JSONL) or the header (CSV) of <c>spindetect score</c>.</summary>
    public static bool IsRecordFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                // What a run that found no inputs writes in JSONL.
                return true;
            }

            var buffer = new byte[(int)Math.Min(stream.Length, 1 << 20)];
            buffer = buffer[..stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
            var newline = Array.IndexOf(buffer, (byte)'\n');
            var first = newline < 0 ? buffer : buffer[..newline];
            if (first.AsSpan().SequenceEqual(CsvHeader))
            {
                return true;
            }

            ReadJsonLine(first, path, 1);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The first line of a CSV output, without its line break.</summary>
    private static byte[] CsvHeader => Encoding.UTF8.GetBytes(string.Join(',', RecordSchema.Fields));

    private static (ResumedOutput Done, long Length) ReadJsonl(string path)
    {
        var done = new ResumedOutput();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var line = new ArrayBufferWriter<byte>();
        var chunk = new byte[1 << 16];
        long complete = 0;
        long position = 0;
        var lineNumber = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var rest = chunk.AsSpan(0, read);
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    line.Write(rest);
                    position += rest.Length;
                    break;
                }

                line.Write(rest[..newline]);
                position += newline + 1;
                rest = rest[(newline + 1)..];
                lineNumber++;
                var (recordPath, failed) = ReadJsonLine(line.WrittenSpan, path, lineNumber);
                done.Add(recordPath, failed);
                line.Clear();
                complete = position;
            }
        }

        // Bytes after the last line break are a record cut short; they are dropped and the input scored again.
        return (done, complete);
    }

    private static (string Path, bool Failed) ReadJsonLine(ReadOnlySpan<byte> line, string file, int lineNumber)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var record = JsonDocument.ParseValue(ref reader);
            var root = record.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(RecordSchema.Path, out var recordPath) && recordPath.ValueKind == JsonValueKind.String
                && root.TryGetProperty(RecordSchema.Error, out var error))
            {
                return (recordPath.GetString()!, error.ValueKind != JsonValueKind.Null);
            }
        }
        catch (JsonException)
        {
            // Reported below with the line number.
        }

        throw new InvalidDataException($"{file}: line {lineNumber} is not a spindetect score record; cannot resume from this file.");
    }

    private static (ResumedOutput Done, long Length) ReadCsv(string path)
    {
        var done = new ResumedOutput();
        var bytes = File.ReadAllBytes(path);
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var csv = CsvReader.Create(bytes, options);
        long complete = 0;
        var header = true;
        try
        {
            while (csv.Read())
            {
                // A record is complete when its line break follows it; a record at the very end was cut short.
                var end = csv.ByteOffset + csv.RawRecord.Length;
                if (end >= bytes.Length || bytes[end] != (byte)'\n')
                {
                    break;
                }

                if (csv.FieldCount != RecordSchema.Fields.Count)
                {
                    // A whole line of another shape is not a record of this command: cutting the file there would lose
                    // what follows it.
                    throw new InvalidDataException(header
                        ? $"{path}: the first line is not the header of spindetect score CSV; cannot resume from this file."
                        : $"{path}: a line after byte {end - csv.RawRecord.Length} has {csv.FieldCount} fields, not {RecordSchema.Fields.Count}; cannot resume from this file.");
                }

                if (header)
                {
                    for (var i = 0; i < RecordSchema.Fields.Count; i++)
                    {
                        if (csv.GetString(i) != RecordSchema.Fields[i])
                        {
                            throw new InvalidDataException($"{path}: the header is not that of spindetect score CSV; cannot resume from this file.");
                        }
                    }

                    header = false;
                }
                else
                {
                    done.Add(csv.GetString(0), csv.GetString(RecordSchema.Fields.Count - 1).Length > 0);
                }

                complete = end + 1;
            }
        }
        catch (CsvFormatException)
        {
            // A malformed tail (an open quote) is a record cut short; everything before it stands.
        }

        // Nothing complete: only the start of the header may have been written.
        if (complete == 0 && bytes.Length > 0 && !CsvHeader.AsSpan().StartsWith(bytes.AsSpan().TrimEnd((byte)'\n')))
        {
            throw new InvalidDataException($"{path}: the first line is not the header of spindetect score CSV; cannot resume from this file.");
        }

        return (done, complete);
    }
}
