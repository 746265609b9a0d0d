using SpinDetect.Features;

namespace SpinDetect.Model;

/// <summary>
/// Gives every eligible word of an analysed document its substitution probability: the token model reads the
/// word's own features, then, when present, the contextual model re-reads each verdict against the verdicts on
/// the rest of the document (<see cref="TokenContextFeatures"/>). Training and scoring both go through here.
/// Immutable and thread-safe.
/// </summary>
internal sealed class TokenScorer
{
    /// <summary>Creates a scorer from the token model and, optionally, the contextual model.</summary>
    internal TokenScorer(CalibratedEnsemble token, CalibratedEnsemble? context = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Ensemble.FeatureCount != TokenFeatures.Count)
        {
            throw new ArgumentException("The token ensemble does not match the token feature schema.", nameof(token));
        }

        if (context is not null && context.Ensemble.FeatureCount != TokenContextFeatures.Count)
        {
            throw new ArgumentException("The contextual ensemble does not match the contextual feature schema.", nameof(context));
        }

        Token = token;
        Context = context;
    }

    /// <summary>The token model (first stage).</summary>
    internal CalibratedEnsemble Token { get; }

    /// <summary>The contextual model (second stage), or null when the model has none.</summary>
    internal CalibratedEnsemble? Context { get; }

    /// <summary>Fills <see cref="DocumentAnalysis.Probabilities"/> for the analysed document.</summary>
    internal void Score(DocumentAnalysis analysis)
    {
        ScoreFirstStage(analysis);
        if (Context is not null)
        {
            TokenContextFeatures.Build(analysis);
            var count = analysis.EligibleCount;
            Context.Probabilities(analysis.ContextFeatures.AsSpan(0, count * TokenContextFeatures.Count), analysis.Probabilities.AsSpan(0, count));
        }
    }

    /// <summary>Fills <see cref="DocumentAnalysis.Probabilities"/> from the token model alone.</summary>
    internal void ScoreFirstStage(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var count = analysis.EligibleCount;
        Token.Probabilities(analysis.Features.AsSpan(0, count * TokenFeatures.Count), analysis.Probabilities.AsSpan(0, count));
    }
}
