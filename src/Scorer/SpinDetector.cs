using System.Runtime.CompilerServices;
using SpinDetect.Text;

namespace SpinDetect;

/// <summary>
/// Detects article-spinner output and scores text quality. Load once, then call from any number of threads: a
/// detector is immutable, keeps no per-call state visible to callers, and gives the same report for the same text
/// whatever the thread count.
/// </summary>
/// <example>
/// <code>
/// var report = SpinDetector.Default.Score(articleText);
/// if (report.Spun) { Console.WriteLine($"spun ({report.Confidence:P0})"); }
/// </code>
/// </example>
public sealed class SpinDetector
{
    // Not Lazy<T>: a failed load (model missing) is not remembered, so copying the model in and calling again works.
    private static readonly LoadOnce<SpinDetector> LoadedDefault = new(() => new SpinDetector(ModelAssets.OpenDefault()));
    private static readonly AsyncLocal<SpinDetector?> DefaultOverride = new();

    private readonly ITextScorer _scorer;
    private readonly ScoreSettings _settings;

    internal SpinDetector(ITextScorer scorer, SpinDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        options ??= SpinDetectorOptions.Defaults;
        options.Validate();
        _scorer = scorer;
        Options = options;
        _settings = new ScoreSettings(options.Threshold ?? scorer.DefaultThreshold, options.MaxEvidence, options.MinWords, options.MinEvidenceScore);
    }

    /// <summary>
    /// The detector with the shipped model and default options, loaded on first use, once, thread-safely. The model
    /// and its companion files are found in <c>models/</c> beside the assembly, where a project reference or the
    /// package puts them (or as an embedded resource, for a build that embeds the model).
    /// </summary>
    /// <exception cref="SpinModelException">The shipped model is missing or unreadable; the message says where it
    /// looked and how to get one. A later call tries again.</exception>
    public static SpinDetector Default
    {
        get
        {
            if (DefaultOverride.Value is { } overridden)
            {
                return overridden;
            }

            return LoadedDefault.Value;
        }
    }

    /// <summary>The options this detector applies.</summary>
    public SpinDetectorOptions Options { get; }

    /// <summary>The confidence at or above which a text is reported spun: <see cref="SpinDetectorOptions.Threshold"/>
    /// when set, else the model's own threshold.</summary>
    public double Threshold => _settings.Threshold;

    /// <summary>Loads a model file, for example one retrained with <c>spindetect train</c>.</summary>
    /// <param name="modelPath">The model file; its companion assets are looked up in the same folder.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="SpinDetectorOptions.Defaults"/>.</param>
    /// <returns>A detector that can be shared by all threads.</returns>
    /// <exception cref="SpinModelException">The file is missing, unreadable, or not a SpinDetect model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SpinDetector Load(string modelPath, SpinDetectorOptions? options = null)
    {
        options?.Validate();
        return new SpinDetector(ModelAssets.OpenFile(modelPath), options);
    }

    /// <summary>A detector sharing this one's model but applying other options; cheap, nothing is reloaded.</summary>
    /// <param name="options">The options to apply.</param>
    /// <returns>A new detector.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SpinDetector WithOptions(SpinDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SpinDetector(_scorer, options);
    }

    /// <summary>Scores one text.</summary>
    /// <param name="text">The article text (plain text, not HTML).</param>
    /// <returns>The report.</returns>
    public SpinReport Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _scorer.Score(text.AsSpan(), in _settings);
    }

    /// <summary>Scores one text held in a span, for callers that slice it out of a larger buffer.</summary>
    /// <param name="text">The article text (plain text, not HTML).</param>
    /// <returns>The report; its evidence offsets are relative to the span.</returns>
    public SpinReport Score(ReadOnlySpan<char> text) => _scorer.Score(text, in _settings);

    /// <summary>Reads <paramref name="reader"/> to its end and scores the text as one document.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The report.</returns>
    public SpinReport Score(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Score(reader.ReadToEnd());
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end and scores it as one document. The bytes are UTF-8 unless a
    /// byte-order mark says UTF-16 or UTF-32; invalid bytes are replaced and flagged <c>invalid-encoding</c>.
    /// </summary>
    /// <param name="stream">The document's bytes; not closed.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">The stream is empty, binary (NUL bytes) or longer than
    /// <see cref="SpinDetectorOptions.MaxInputBytes"/>.</exception>
    public SpinReport Score(Stream stream) => Score(DocumentDecoder.ReadStream(stream, Options.MaxInputBytes, "stream"));

    /// <summary>Like <see cref="Score(Stream)"/>, reading asynchronously (for example an HTTP response body).</summary>
    /// <param name="stream">The document's bytes; not closed.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">The stream is empty, binary (NUL bytes) or too long.</exception>
    public async Task<SpinReport> ScoreAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var decoded = await DocumentDecoder.ReadStreamAsync(stream, Options.MaxInputBytes, "stream", cancellationToken)
            .ConfigureAwait(false);
        return Score(decoded);
    }

    /// <summary>Reads a text file (encoding as for <see cref="Score(Stream)"/>) and scores it as one document.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">The file is empty, binary or too large; the message names it.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public SpinReport ScoreFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Score(DocumentDecoder.ReadFile(path, Options.MaxInputBytes));
    }

    /// <summary>
    /// Scores a sequence of texts on up to <paramref name="maxParallelism"/> threads and yields the reports in input
    /// order. At most a few reports per thread wait behind a slow text, so memory stays bounded on endless input.
    /// </summary>
    /// <param name="texts">The texts, read one at a time.</param>
    /// <param name="maxParallelism">Most texts scored at once, up to 1024; 0 (the default) means one per processor.</param>
    /// <param name="cancellationToken">Stops reading and scoring; the enumeration then throws
    /// <see cref="OperationCanceledException"/> at once (a text already being scored finishes in the background and
    /// its report is dropped).</param>
    /// <returns>One report per text, in the order of <paramref name="texts"/>. Each report is handed over as soon as
    /// it and every earlier one are done, even while <paramref name="texts"/> waits for its next text, so the source
    /// may depend on the reports already received. A null text ends the enumeration with
    /// <see cref="ArgumentNullException"/> once the reports before it have been handed over.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallelism"/> is negative or above 1024.</exception>
    public IAsyncEnumerable<SpinReport> ScoreAllAsync(
        IAsyncEnumerable<string> texts,
        int maxParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegative(maxParallelism);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxParallelism, OrderedParallel.MaxParallelism);
        return OrderedParallel.SelectAsync(texts, (text, _) => Score(text), maxParallelism, cancellationToken);
    }

    /// <summary>Scores decoded text and adds the <c>invalid-encoding</c> flag when decoding replaced bytes.</summary>
    internal SpinReport Score(in DecodedText decoded)
    {
        var report = Score(decoded.Text);
        return decoded.InvalidEncoding ? WithFlag(report, DocumentDecoder.InvalidEncodingFlag) : report;
    }

    /// <summary>Makes <paramref name="detector"/> the <see cref="Default"/> for the current async flow only; for
    /// tests and examples that must not depend on the shipped model. Dispose to restore.</summary>
    internal static IDisposable OverrideDefault(SpinDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var previous = DefaultOverride.Value;
        DefaultOverride.Value = detector;
        return new Restore(previous);
    }

    /// <summary>Returns <paramref name="report"/> with <paramref name="flag"/> appended once.</summary>
    internal static SpinReport WithFlag(SpinReport report, string flag)
    {
        if (report.Flags.Contains(flag))
        {
            return report;
        }

        var flags = new string[report.Flags.Count + 1];
        for (var i = 0; i < report.Flags.Count; i++)
        {
            flags[i] = report.Flags[i];
        }

        flags[^1] = flag;
        return report with { Flags = flags };
    }

    private sealed class Restore(SpinDetector? previous) : IDisposable
    {
        public void Dispose() => DefaultOverride.Value = previous;
    }
}
