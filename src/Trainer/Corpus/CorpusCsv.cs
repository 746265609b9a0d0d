using System.Globalization;
using CsvHelper;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads and writes the corpus CSV through CsvHelper (RFC 4180: texts may hold quotes, commas and newlines).
/// Columns, in order: id, source, register, document, split, label, spinner, style, choice, subset, spin_rate,
/// words, original_id, text.
/// </summary>
internal static class CorpusCsv
{
    /// <summary>The header, in column order.</summary>
    public static readonly string[] Columns =
        ["id", "source", "register", "document", "split", "label", "spinner", "style", "choice", "subset", "spin_rate", "words", "original_id", "text"];

    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<CorpusRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        AtomicFile.Write(path, stream => Write(stream, records));
    }

    /// <summary>Writes the header and <paramref name="records"/> as UTF-8 to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IEnumerable<CorpusRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Columns);
        foreach (var r in records)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Source);
            csv.WriteField(r.Register);
            csv.WriteField(r.Document);
            csv.WriteField(r.Split);
            csv.WriteField(r.Label.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Spinner);
            csv.WriteField(r.Style);
            csv.WriteField(r.Choice);
            csv.WriteField(r.Subset);
            csv.WriteField(r.SpinRate.ToString("0.####", CultureInfo.InvariantCulture));
            csv.WriteField(r.Words.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.OriginalId);
            csv.WriteField(r.Text);
            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>Reads every record of the CSV at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">A row does not parse (message names the file and row).</exception>
    public static List<CorpusRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Corpus file '{path}' is missing; run 'spindetect corpus build'.", path);
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads every record from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">A column is missing or a row does not parse.</exception>
    public static List<CorpusRecord> Read(Stream stream, string sourceName)
    {
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default, leaveOpen: true);
        var records = new List<CorpusRecord>();
        try
        {
            csv.ReadHeader();
            var index = new int[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                if (!csv.TryGetFieldIndex(Columns[i], out index[i]))
                {
                    throw new InvalidDataException($"{sourceName}: the header lacks the column '{Columns[i]}'.");
                }
            }

            while (csv.Read())
            {
                records.Add(new CorpusRecord
                {
                    Id = csv.GetString(index[0]),
                    Source = csv.GetString(index[1]),
                    Register = csv.GetString(index[2]),
                    Document = csv.GetString(index[3]),
                    Split = csv.GetString(index[4]),
                    Label = int.Parse(csv.GetString(index[5]), CultureInfo.InvariantCulture),
                    Spinner = csv.GetString(index[6]),
                    Style = csv.GetString(index[7]),
                    Choice = csv.GetString(index[8]),
                    Subset = csv.GetString(index[9]),
                    SpinRate = double.Parse(csv.GetString(index[10]), CultureInfo.InvariantCulture),
                    Words = int.Parse(csv.GetString(index[11]), CultureInfo.InvariantCulture),
                    OriginalId = csv.GetString(index[12]),
                    Text = csv.GetString(index[13]),
                });
            }
        }
        catch (Exception e) when (e is FormatException or CsvFormatException or OverflowException)
        {
            throw new InvalidDataException($"{sourceName}, record {records.Count + 1}: {e.Message}", e);
        }

        return records;
    }
}
