using System.Globalization;
using CsvHelper;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Reads the tortured-phrase CSV (<c>tortured_phrase,expected_phrase,num_papers</c>) and keeps the rows whose
/// query is a single quoted phrase with at least a minimum number of papers and a usable expected phrase.
/// </summary>
internal static class TorturedCsvReader
{
    private const string TorturedColumn = "tortured_phrase";
    private const string ExpectedColumn = "expected_phrase";
    private const string PapersColumn = "num_papers";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names the path).</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or the CSV cannot be parsed.</exception>
    public static TorturedPhraseSet Read(string path, int minPapers)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tortured-phrase file not found: {Path.GetFullPath(path)}", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, minPapers);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="name"/> is used in messages.</summary>
    public static TorturedPhraseSet Read(TextReader reader, string name, int minPapers)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(minPapers);
        var skipped = Enum.GetValues<SkipReason>().ToDictionary(r => r, _ => 0);
        var pairs = new List<TorturedPair>();
        var rows = 0;
        var options = new CsvReaderOptions { MalformedData = CsvMalformedDataHandling.Throw, TrackLineNumbers = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            var headers = csv.Headers;
            if (headers.Count == 0)
            {
                throw new InvalidDataException($"{name}: empty file, expected a header row.");
            }

            var torturedIndex = ColumnIndex(csv, name, TorturedColumn);
            var expectedIndex = ColumnIndex(csv, name, ExpectedColumn);
            var papersIndex = ColumnIndex(csv, name, PapersColumn);
            while (csv.Read())
            {
                rows++;
                var pair = ReadRow(
                    csv.GetString(torturedIndex),
                    csv.GetString(expectedIndex),
                    csv.GetString(papersIndex),
                    checked((int)csv.LineNumber),
                    minPapers,
                    out var reason);
                if (pair is null)
                {
                    skipped[reason]++;
                }
                else
                {
                    pairs.Add(pair);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidDataException($"{name}: malformed CSV at line {ex.LineNumber}: {ex.Message}", ex);
        }

        return new TorturedPhraseSet(name, rows, minPapers, pairs, skipped);
    }

    private static int ColumnIndex(CsvReader csv, string name, string column) =>
        csv.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidDataException($"{name}: the header has no '{column}' column.");

    /// <summary>Parses one row; null with a reason when it cannot be used.</summary>
    internal static TorturedPair? ReadRow(
        string query, string expectedRaw, string papersText, int line, int minPapers, out SkipReason reason)
    {
        var parsed = TorturedQuery.Parse(query);
        if (!parsed.IsSinglePhrase)
        {
            reason = ShapeReason(parsed);
            return null;
        }

        var tortured = parsed.Terms[0].Text;
        if (!int.TryParse(papersText.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var papers)
            || papers < 0)
        {
            reason = SkipReason.BadPaperCount;
            return null;
        }

        if (papers < minPapers)
        {
            reason = SkipReason.TooFewPapers;
            return null;
        }

        var expected = ExpectedPhrase.Clean(expectedRaw, tortured, out var uncertain, out reason);
        if (expected is null)
        {
            return null;
        }

        var pair = TorturedPair.Create(line, tortured, expected, papers, uncertain);
        if (pair.Tortured.Count == 0 || pair.Expected.Count == 0)
        {
            reason = pair.Tortured.Count == 0 ? SkipReason.MalformedQuery : SkipReason.UnknownExpected;
            return null;
        }

        return pair;
    }

    private static SkipReason ShapeReason(TorturedQuery query)
    {
        if (query.IsMalformed)
        {
            return SkipReason.MalformedQuery;
        }

        if (query.Operators.HasFlag(QueryOperators.Or))
        {
            return SkipReason.OrQuery;
        }

        if (query.Operators.HasFlag(QueryOperators.Not))
        {
            return SkipReason.NotQuery;
        }

        return query.Operators.HasFlag(QueryOperators.Proximity) ? SkipReason.ProximityQuery : SkipReason.CompoundQuery;
    }
}
