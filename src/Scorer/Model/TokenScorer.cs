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
    // Blocks of rows small enough to stay in the L1 cache while every tree passes over them.
    private const int BlockRows = 64;

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
            Predict(Context, analysis.ContextFeatures, TokenContextFeatures.Count, analysis.EligibleCount, analysis.Probabilities);
        }
    }

    /// <summary>Fills <see cref="DocumentAnalysis.Probabilities"/> from the token model alone.</summary>
    internal void ScoreFirstStage(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Predict(Token, analysis.Features, TokenFeatures.Count, analysis.EligibleCount, analysis.Probabilities);
    }

    private static void Predict(CalibratedEnsemble model, float[] features, int columns, int count, float[] probabilities)
    {
        Span<double> raw = stackalloc double[BlockRows];
        for (var start = 0; start < count; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, count - start);
            var scores = raw[..rows];
            model.Ensemble.PredictRaw(features.AsSpan(start * columns, rows * columns), scores);
            for (var i = 0; i < rows; i++)
            {
                probabilities[start + i] = (float)model.Calibrator.Probability(scores[i]);
            }
        }
    }
}
