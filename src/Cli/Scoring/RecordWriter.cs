namespace SpinDetect.Cli.Scoring;

/// <summary>Writes score records, one per input, to a text writer it does not own.</summary>
internal abstract class RecordWriter : IDisposable
{
    /// <summary>A writer of <paramref name="format"/>; <paramref name="continuing"/> skips the CSV header already written.</summary>
    public static RecordWriter Create(OutputFormat format, TextWriter text, bool continuing) => format switch
    {
        OutputFormat.Csv => new CsvRecordWriter(text, writeHeader: !continuing),
        _ => new JsonlRecordWriter(text),
    };

    /// <summary>Writes one record.</summary>
    public abstract void Write(ScoreRecord record);

    /// <summary>Pushes buffered records to the stream.</summary>
    public abstract void Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Flushes and releases buffers.</summary>
    protected abstract void Dispose(bool disposing);
}
