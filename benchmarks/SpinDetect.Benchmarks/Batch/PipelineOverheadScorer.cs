using SpinDetect.Text;

namespace SpinDetect.Benchmarks.Batch;

/// <summary>
/// Stands in for the spin model to measure what the batch command costs around scoring: walking, reading,
/// decoding, tokenising (the real tokenizer, so words are counted), ordering and writing records. It judges
/// nothing: confidence 0, no evidence. Figures measured with it are pipeline overhead only.
/// </summary>
internal sealed class PipelineOverheadScorer : ITextScorer
{
    [ThreadStatic]
    private static TokenList? t_tokens;

    public double DefaultThreshold => 0.5;

    public SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings)
    {
        var tokens = t_tokens ??= new TokenList(4096);
        Tokenizer.Tokenize(text, tokens);
        var words = 0;
        foreach (var token in tokens.AsSpan())
        {
            words += token.Kind == TokenKind.Word ? 1 : 0;
        }

        return new SpinReport
        {
            Spun = settings.IsSpun(0, words),
            Confidence = 0,
            Quality = 1,
            Words = words,
            Flags = settings.IsTooShort(words) ? [ScoreSettings.TooShortFlag] : [],
            Evidence = [],
        };
    }
}
