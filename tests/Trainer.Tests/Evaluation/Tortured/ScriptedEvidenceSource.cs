using System.Text.RegularExpressions;
using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

/// <summary>
/// A fake detector with a fixed script: it marks every whole-word occurrence of the listed words (any case)
/// with the listed suggestion and score, and gives a probability from a caller-supplied rule.
/// </summary>
internal sealed class ScriptedEvidenceSource(
    IReadOnlyDictionary<string, (string? Suggestion, double Score)> marks, Func<string, int, double> probability)
    : ISpinEvidenceSource
{
    public string Name => "scripted";

    public SpinAnalysis Analyze(string text)
    {
        var spans = new List<EvidenceSpan>();
        foreach (Match match in Regex.Matches(text, @"\p{L}+"))
        {
            if (marks.TryGetValue(match.Value.ToLowerInvariant(), out var mark))
            {
                spans.Add(new EvidenceSpan(match.Index, match.Length, mark.Suggestion, mark.Score));
            }
        }

        return new SpinAnalysis(probability(text, spans.Count), spans);
    }
}
