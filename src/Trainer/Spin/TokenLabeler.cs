using SpinDetect.Features;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Turns a spinner's substitution log into token labels: an eligible word is a substitute when its characters
/// overlap a replacement in the spun text. Multi-word replacements label every eligible word they cover.
/// </summary>
internal static class TokenLabeler
{
    /// <summary>
    /// Writes 1 or 0 per eligible word of <paramref name="analysis"/> into <paramref name="labels"/>.
    /// <paramref name="replacements"/> are (start, length) spans in the analysed (spun) text, sorted by start.
    /// Returns the number of replacements that cover no eligible word (names, function words, or misaligned
    /// logs — a large number points at a bug). When <paramref name="covering"/> is given, it receives for each
    /// eligible word the index of the first replacement covering it, or −1.
    /// </summary>
    public static int Label(DocumentAnalysis analysis, ReadOnlySpan<(int Start, int Length)> replacements, Span<float> labels, Span<int> covering = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        labels[..analysis.EligibleCount].Clear();
        if (!covering.IsEmpty)
        {
            covering[..analysis.EligibleCount].Fill(-1);
        }

        var covered = 0;
        var lastCovered = -1;
        var r = 0;
        for (var e = 0; e < analysis.EligibleCount && r < replacements.Length; e++)
        {
            var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
            while (r < replacements.Length && replacements[r].Start + replacements[r].Length <= token.Start)
            {
                r++;
            }

            for (var k = r; k < replacements.Length && replacements[k].Start < token.End; k++)
            {
                if (replacements[k].Start + replacements[k].Length > token.Start)
                {
                    if (!covering.IsEmpty && labels[e] == 0)
                    {
                        covering[e] = k;
                    }

                    labels[e] = 1;
                    if (k > lastCovered)
                    {
                        covered++;
                        lastCovered = k;
                    }
                }
            }
        }

        return replacements.Length - covered;
    }
}
