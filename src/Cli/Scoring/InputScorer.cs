using SpinDetect.Text;

namespace SpinDetect.Cli.Scoring;

/// <summary>Reads one input the way every command does (decoding, HTML to text) and scores it, never throwing for bad input.</summary>
internal static class InputScorer
{
    /// <summary>The text of <paramref name="item"/>: decoded, and reduced to visible text for HTML files.</summary>
    /// <exception cref="InvalidDataException">The input is empty, binary or too large.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static DecodedText Read(in InputItem item, long maxBytes)
    {
        switch (item.Kind)
        {
            case InputKind.Inline:
                return new DecodedText(item.Text!, item.InvalidEncoding);
            case InputKind.StandardInput:
                using (var stdin = ScoringEnvironment.OpenStandardInput())
                {
                    return DocumentDecoder.ReadStream(stdin, maxBytes, item.Path);
                }

            case InputKind.File:
                var decoded = DocumentDecoder.ReadFile(item.Path, maxBytes);
                return HtmlText.IsHtmlPath(item.Path) ? decoded with { Text = HtmlText.Extract(decoded.Text) } : decoded;
            default:
                throw new InvalidOperationException($"{item.Path}: {item.Error}");
        }
    }

    /// <summary>Scores <paramref name="item"/>; any failure becomes a record with a clear error.</summary>
    public static ScoreRecord Score(SpinDetector detector, in InputItem item, long maxBytes)
    {
        if (item.Kind == InputKind.Failed)
        {
            return ScoreRecord.Failed(item.Path, item.Error!);
        }

        try
        {
            return new ScoreRecord(item.Path, detector.Score(Read(item, maxBytes)), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is lost: whatever went wrong with this input is recorded and the run goes on.
            return ScoreRecord.Failed(item.Path, InputErrors.Describe(item.Path, e));
        }
    }
}
