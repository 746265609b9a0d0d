using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Text;

namespace SpinDetect;

/// <summary>
/// The scoring pipeline behind <see cref="SpinDetector"/>: text → tokens → spin features → token and document
/// trees → report with evidence. Immutable; per-thread working memory is kept in a thread-static analysis so
/// that a crawler calling from many threads allocates only the report itself.
/// </summary>
internal sealed class SpinPipeline : ITextScorer
{
    [ThreadStatic]
    private static DocumentAnalysis? t_analysis;

    [ThreadStatic]
    private static CleanTextWriter? t_clean;

    private readonly SpinModel _model;
    private readonly QualityAnalyzer _quality;

    /// <summary>Creates the pipeline over a loaded spin model and text-quality analyzer.</summary>
    public SpinPipeline(SpinModel model, QualityAnalyzer quality)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quality);
        _model = model;
        _quality = quality;
    }

    /// <inheritdoc />
    public double DefaultThreshold => _model.Threshold;

    /// <summary>The spin model.</summary>
    internal SpinModel Model => _model;

    /// <summary>The text-quality analyzer run before spin scoring.</summary>
    internal QualityAnalyzer Quality => _quality;

    /// <inheritdoc />
    public SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings)
    {
        // Spin is judged on the article without its junk lines, so boilerplate does not disturb the confidence;
        // evidence offsets are mapped back to the text as given.
        var writer = t_clean ??= new CleanTextWriter();
        var analysis = t_analysis ??= new DocumentAnalysis();

        // Tokenised once: the quality step reads the tokens, and the featurizer reuses them unless lines were cut.
        Tokenizer.Tokenize(text, analysis.Tokens);
        var quality = _quality.AnalyzeForScoring(text, analysis.Tokens.AsSpan(), writer, out var cleaned);
        var clean = cleaned ? writer : null;
        var spinText = clean is null ? text : clean.Text;
        Span<float> features = stackalloc float[DocumentFeatures.Count];
        var confidence = _model.Score(spinText, analysis, features, tokenized: clean is null);
        var words = analysis.WordCount;
        var flags = quality.Flags;
        if (settings.IsTooShort(words))
        {
            flags |= QualityFlags.TooShort;
        }

        // Offsets are mapped back to the text as given while the evidence is built (junk lines only ever come out
        // whole, so the mapping keeps the order).
        var evidence = Evidence(spinText, analysis, settings, clean);
        ReleaseLargeBuffers(clean, analysis);
        return new SpinReport
        {
            Spun = settings.IsSpun(confidence, words),
            Confidence = confidence,
            Quality = quality.Quality,
            Words = words,
            Flags = QualityFlagNames.Names(flags),
            Evidence = evidence,
        };
    }

    /// <summary>
    /// Drops this thread's working memory after an unusually large text (a scraped page of megabytes), so one such
    /// page does not pin its buffers on every pool thread for the life of the process; ordinary articles reuse them.
    /// </summary>
    private static void ReleaseLargeBuffers(CleanTextWriter? clean, DocumentAnalysis analysis)
    {
        const int RetainedChars = 1 << 20;
        const int RetainedFeatureValues = 1 << 22;
        if (clean is not null && clean.Capacity > RetainedChars)
        {
            t_clean = null;
        }

        if (analysis.Features.Length > RetainedFeatureValues)
        {
            analysis.Dispose();
            t_analysis = null;
        }
    }

    /// <summary>The most suspicious words, ordered by offset, each with its likely original in matching case.</summary>
    /// <param name="text">The text the analysis was made of.</param>
    /// <param name="analysis">The scored analysis.</param>
    /// <param name="settings">Most evidence spans and the lowest score reported.</param>
    /// <param name="clean">When <paramref name="text"/> is a cleaned text, maps its offsets back to the source's.</param>
    internal IReadOnlyList<SpinEvidence> Evidence(
        ReadOnlySpan<char> text, DocumentAnalysis analysis, in ScoreSettings settings, CleanTextWriter? clean = null)
    {
        // No more spans than words that could be one, however many the caller allows.
        var max = Math.Min(settings.MaxEvidence, analysis.EligibleCount);
        if (max <= 0)
        {
            return [];
        }

        Span<int> best = max <= 64 ? stackalloc int[max] : new int[max];
        var count = SpinModel.TopEvidence(analysis, (float)settings.MinEvidenceScore, best);
        if (count == 0)
        {
            return [];
        }

        var evidence = new SpinEvidence[count];
        for (var k = 0; k < count; k++)
        {
            var e = best[k];
            var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
            var word = token.Slice(text);
            var candidate = _model.Suggest(analysis, e);
            var suggestion = candidate >= 0 ? MatchCase(_model.Featurizer.Statistics.Word(candidate), word) : null;
            var offset = clean is null ? token.Start : clean.ToSourceOffset(token.Start);
            evidence[k] = new SpinEvidence(offset, token.Length, word.ToString(), suggestion, analysis.Probabilities[e]);
        }

        Array.Sort(evidence, static (a, b) => a.Offset.CompareTo(b.Offset));
        return evidence;
    }

    /// <summary>Gives <paramref name="suggestion"/> the capitalisation of <paramref name="observed"/>.</summary>
    internal static string MatchCase(string suggestion, ReadOnlySpan<char> observed)
    {
        if (suggestion.Length == 0 || observed.Length == 0 || !char.IsUpper(observed[0]))
        {
            return suggestion;
        }

        return string.Create(suggestion.Length, suggestion, static (span, s) =>
        {
            s.AsSpan().CopyTo(span);
            span[0] = char.ToUpperInvariant(span[0]);
        });
    }
}
