using SpinDetect.Text;

namespace SpinDetect.Tests;

/// <summary>
/// A deterministic stand-in for the spin pipeline, for tests of the API and the batch command only: it marks a few
/// known spinner substitutions ("purse" for "bag", "arise" for "result") as evidence and derives the confidence
/// from their density. It follows the <see cref="ITextScorer"/> contract so tests can rely on it.
/// </summary>
internal sealed class FakeTextScorer : ITextScorer
{
    private static readonly Dictionary<string, string> Substitutions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["purse"] = "bag",
        ["arise"] = "result",
        ["hires"] = "employees",
        ["seasons"] = "times",
    };

    /// <summary>The default threshold this fake "model" ships with.</summary>
    public double DefaultThreshold => 0.5;

    /// <summary>Number of calls so far, to check that work is not repeated.</summary>
    public int Calls => _calls;

    private int _calls;

    public SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings)
    {
        Interlocked.Increment(ref _calls);
        using var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens);
        var words = 0;
        var evidence = new List<SpinEvidence>();
        var hits = 0;
        foreach (var token in tokens.AsSpan())
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            words++;
            var word = token.Slice(text).ToString();
            if (Substitutions.TryGetValue(word, out var original))
            {
                hits++;
                if (evidence.Count < settings.MaxEvidence)
                {
                    evidence.Add(new SpinEvidence(token.Start, token.Length, word, original, 1.0 + (word.Length / 10.0)));
                }
            }
        }

        var confidence = words == 0 ? 0 : 1 - Math.Exp(-50.0 * hits / words);
        var flags = settings.IsTooShort(words) ? new[] { ScoreSettings.TooShortFlag } : [];
        return new SpinReport
        {
            Spun = settings.IsSpun(confidence, words),
            Confidence = confidence,
            Quality = 1 - (0.5 * confidence),
            Words = words,
            Flags = flags,
            Evidence = evidence,
        };
    }
}
