using System.Globalization;
using System.Text;
using CsvHelper;
using SpinDetect.Text;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// Reads a user's sample CSV: a header with <c>label</c> and either <c>text</c> or <c>path</c> (relative to the
/// CSV), optionally <c>group</c> and <c>weight</c>. Every problem is collected with its line number rather than
/// thrown, so one run lists them all.
/// </summary>
internal static class SampleCsvReader
{
    private static readonly char[] DelimiterCandidates = [',', ';', '\t', '|'];

    /// <summary>Reads <paramref name="path"/>; rows with problems are left out of the result and reported in <paramref name="problems"/>.</summary>
    public static List<UserSample> Read(string path, RetrainOptions options, List<SampleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var samples = new List<UserSample>();
        byte[] bytes;
        try
        {
            bytes = ReadRegularFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new SampleProblem(path, 0, $"cannot read the file: {e.Message}"));
            return samples;
        }

        string content;
        try
        {
            content = Decode(bytes, options.Encoding);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            problems.Add(new SampleProblem(path, 1, $"unknown encoding '{options.Encoding}': {e.Message}"));
            return samples;
        }

        if (content.Trim().Length == 0)
        {
            problems.Add(new SampleProblem(path, 1, "the file is empty; a header with 'label' and 'text' or 'path' is required"));
            return samples;
        }

        var separator = options.Delimiter is { } given ? given[0] : DetectDelimiter(content);
        var delimiter = separator.ToString();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var malformed = new List<SampleProblem>();
        var config = CsvReaderOptions.Default with
        {
            Separator = separator,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => malformed.Add(new SampleProblem(path, (int)m.LineNumber, $"malformed CSV ({Describe(m.Reason)}); skipped")),
        };
        using var csv = CsvReader.FromText(content, config);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var columns = Columns.Find(header);
        if (!columns.Check(path, delimiter, problems))
        {
            return samples;
        }

        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                problems.Add(new SampleProblem(path, line, $"{csv.FieldCount} field(s) where the header has {header.Length}; quote fields that contain '{Printable(delimiter)}' or line breaks"));
                continue;
            }

            var sample = ReadRow(csv, columns, path, folder, line, options, problems);
            if (sample is not null)
            {
                samples.Add(sample);
            }
        }

        problems.AddRange(malformed);
        return samples;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field; double it and quote the field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        _ => reason.ToString(),
    };

    /// <summary>Decodes with the named encoding, or detects it: a byte-order mark, else strict UTF-8, else Windows-1252.</summary>
    internal static string Decode(byte[] bytes, string? encodingName)
    {
        if (encodingName is not null)
        {
            var encoding = GetEncoding(encodingName);
            var preamble = encoding.GetPreamble();
            var skip = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }

        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(span[3..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(span[2..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(span[2..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: spreadsheet exports on Windows are usually in the ANSI code page.
            return GetEncoding("windows-1252").GetString(span);
        }
    }

    /// <summary>The candidate (, ; tab |) that occurs most often outside quotes on the header line; ',' when none does.</summary>
    internal static char DetectDelimiter(string content)
    {
        Span<int> counts = stackalloc int[DelimiterCandidates.Length];
        var quoted = false;
        foreach (var c in content)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                var k = Array.IndexOf(DelimiterCandidates, c);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            best = counts[k] > counts[best] ? k : best;
        }

        return DelimiterCandidates[best];
    }

    private static Encoding GetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name)
                ?? throw new ArgumentException($"'{name}' is not an encoding name this runtime knows (try utf-8, utf-16, latin1, windows-1252).");
        }
    }

    private static UserSample? ReadRow(
        CsvReader csv, Columns columns, string path, string folder, int line, RetrainOptions options, List<SampleProblem> problems)
    {
        var before = problems.Count;
        var labelText = csv.GetString(columns.Label)!.Trim();
        bool? spun = labelText.ToUpperInvariant() switch
        {
            "SPUN" or "1" => true,
            "CLEAN" or "0" => false,
            _ => null,
        };
        if (spun is null)
        {
            problems.Add(new SampleProblem(path, line, $"unknown label '{labelText}'; use spun or clean (or 1 or 0)"));
        }

        var weight = 1.0;
        if (columns.Weight >= 0)
        {
            var weightText = csv.GetString(columns.Weight)!.Trim();
            if (weightText.Length > 0
                && (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0))
            {
                problems.Add(new SampleProblem(path, line, $"weight '{weightText}' is not a positive number"));
            }
            else if (weight > RetrainOptions.MaxWeight)
            {
                problems.Add(new SampleProblem(path, line, $"weight '{weightText}' is too large; at most 1,000,000"));
            }
        }

        var text = columns.Text >= 0 ? csv.GetString(columns.Text)! : ReadReferenced(csv.GetString(columns.Path)!, path, folder, line, options, problems);
        if (text is not null)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new SampleProblem(path, line, columns.Text >= 0 ? "empty text" : "the referenced file holds no text"));
            }
            else if (text.Length > options.MaxTextLength)
            {
                problems.Add(new SampleProblem(path, line, $"text of {text.Length:N0} characters is longer than the limit of {options.MaxTextLength:N0}"));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var group = columns.Group >= 0 ? csv.GetString(columns.Group)!.Trim() : "";
        return new UserSample(path, line, text!, spun!.Value, group, weight);
    }

    private static string? ReadReferenced(string relative, string path, string folder, int line, RetrainOptions options, List<SampleProblem> problems)
    {
        relative = relative.Trim();
        if (relative.Length == 0)
        {
            problems.Add(new SampleProblem(path, line, "empty path"));
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folder, relative));
        string text;
        try
        {
            text = Decode(ReadRegularFile(full), options.Encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new SampleProblem(path, line, $"cannot read '{relative}' ({full}): {e.Message}"));
            return null;
        }

        // Text never holds NUL; a file that does is binary (an image, an archive) or in another encoding than --encoding.
        if (text.IndexOf('\0', StringComparison.Ordinal) is >= 0 and var at)
        {
            problems.Add(new SampleProblem(path, line, $"'{relative}' ({full}) is a binary file (NUL character at offset {at}), not text"));
            return null;
        }

        return text;
    }

    /// <summary>
    /// The bytes of a regular file; a folder, a named pipe (which would block the reader for ever), a socket or a device
    /// is an <see cref="IOException"/> saying so.
    /// </summary>
    private static byte[] ReadRegularFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("is a folder, not a file");
        }

        using var handle = ReadableFile.Open(path);
        if (!ReadableFile.IsSeekable(handle))
        {
            throw new IOException("not a regular file (a named pipe, socket or device)");
        }

        using var stream = new FileStream(handle, FileAccess.Read, 1);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string Printable(string delimiter) => delimiter == "\t" ? "\\t" : delimiter;

    /// <summary>Column indices of the header, -1 when absent.</summary>
    private sealed record Columns(int Text, int Path, int Label, int Group, int Weight, string[] Header)
    {
        public static Columns Find(string[] header)
        {
            int Index(string name) => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return new Columns(Index("text"), Index("path"), Index("label"), Index("group"), Index("weight"), header);
        }

        public bool Check(string file, string delimiter, List<SampleProblem> problems)
        {
            var before = problems.Count;
            var found = $"the header has {string.Join(", ", Header.Select(h => $"'{h}'"))} (delimiter '{Printable(delimiter)}')";
            if (Label < 0)
            {
                problems.Add(new SampleProblem(file, 1, $"missing column 'label': {found}"));
            }

            if (Text < 0 && Path < 0)
            {
                problems.Add(new SampleProblem(file, 1, $"missing column 'text' or 'path': {found}"));
            }
            else if (Text >= 0 && Path >= 0)
            {
                problems.Add(new SampleProblem(file, 1, "both 'text' and 'path' columns; give one of them"));
            }

            foreach (var name in (string[])["text", "path", "label", "group", "weight"])
            {
                if (Header.Count(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)) > 1)
                {
                    problems.Add(new SampleProblem(file, 1, $"column '{name}' appears more than once: {found}"));
                }
            }

            return problems.Count == before;
        }
    }
}
