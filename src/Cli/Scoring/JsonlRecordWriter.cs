using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpinDetect.Cli.Scoring;

/// <summary>Writes each record as one line of JSON with the fields of <see cref="RecordSchema"/>, in order.</summary>
internal sealed class JsonlRecordWriter : RecordWriter
{
    private readonly TextWriter _text;
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[4096];

    public JsonlRecordWriter(TextWriter text)
    {
        _text = text;
        // Relaxed escaping keeps non-ASCII text readable; the output is data, not HTML.
        _json = new Utf8JsonWriter(_bytes, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes <paramref name="record"/> as one JSON object (without the line break) to <paramref name="json"/>.</summary>
    public static void WriteObject(Utf8JsonWriter json, ScoreRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        var report = record.Report;
        json.WriteStartObject();
        json.WriteString(RecordSchema.Path, record.Path);
        if (report == null)
        {
            json.WriteNull(RecordSchema.Spun);
            json.WriteNull(RecordSchema.Confidence);
            json.WriteNull(RecordSchema.Quality);
            json.WriteNull(RecordSchema.Words);
        }
        else
        {
            json.WriteBoolean(RecordSchema.Spun, report.Spun);
            WriteNumber(json, RecordSchema.Confidence, report.Confidence);
            WriteNumber(json, RecordSchema.Quality, report.Quality);
            json.WriteNumber(RecordSchema.Words, report.Words);
        }

        json.WriteStartArray(RecordSchema.Flags);
        if (report != null)
        {
            foreach (var flag in report.Flags)
            {
                json.WriteStringValue(flag);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray(RecordSchema.Evidence);
        if (report != null)
        {
            foreach (var evidence in report.Evidence)
            {
                json.WriteStartObject();
                json.WriteNumber(RecordSchema.Offset, evidence.Offset);
                json.WriteNumber(RecordSchema.Length, evidence.Length);
                json.WriteString(RecordSchema.Text, evidence.Text);
                json.WriteString(RecordSchema.Suggestion, evidence.Suggestion);
                WriteNumber(json, RecordSchema.Score, evidence.Score);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteString(RecordSchema.Error, record.Error);
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public override void Write(ScoreRecord record)
    {
        _bytes.ResetWrittenCount();
        _json.Reset(_bytes);
        WriteObject(_json, record);
        _json.Flush();
        var bytes = _bytes.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(bytes, _chars);
        _text.Write(_chars, 0, count);
        _text.Write('\n');
    }

    /// <inheritdoc />
    public override void Flush() => _text.Flush();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
            _text.Flush();
        }
    }

    // JSON has no NaN or infinity; a non-finite number from a model is written as null rather than failing the run.
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
