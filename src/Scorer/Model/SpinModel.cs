using SpinDetect.Features;

namespace SpinDetect.Model;

/// <summary>
/// The trained spin detector: a token-level model giving each eligible word the probability that it is a
/// spinner's substitute, and a document-level model over the summaries of those probabilities, calibrated.
/// Immutable and thread-safe; per-call working memory lives in a <see cref="DocumentAnalysis"/>.
/// </summary>
internal sealed class SpinModel
{
    /// <summary>Name of the document ensemble in the model file.</summary>
    internal const string DocumentEnsembleName = "spin-document";

    /// <summary>Name of the token ensemble (stored in its own nested package, see <see cref="TokenSectionName"/>).</summary>
    internal const string TokenEnsembleName = "spin-token";

    /// <summary>Extra section holding the token model as a nested model package.</summary>
    internal const string TokenSectionName = "spin-token-model";

    /// <summary>Metadata option holding the decision threshold on the calibrated confidence.</summary>
    internal const string ThresholdOption = "threshold";

    /// <summary>Schema of the document model's input.</summary>
    internal static readonly FeatureSchema DocumentSchema =
        new("spin-document", DocumentFeatures.SchemaVersion, DocumentFeatures.Names);

    /// <summary>Schema of the token model's input.</summary>
    internal static readonly FeatureSchema TokenSchema =
        new("spin-token", TokenFeatures.SchemaVersion, TokenFeatures.Names);

    private readonly CalibratedEnsemble _token;
    private readonly CalibratedEnsemble _document;

    /// <summary>Creates a model from its two ensembles.</summary>
    internal SpinModel(SpinFeaturizer featurizer, CalibratedEnsemble token, CalibratedEnsemble document, double threshold, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(document);
        if (token.Ensemble.FeatureCount != TokenFeatures.Count || document.Ensemble.FeatureCount != DocumentFeatures.Count)
        {
            throw new ArgumentException("The ensembles do not match the spin feature schema.");
        }

        Featurizer = featurizer;
        _token = token;
        _document = document;
        Threshold = threshold;
        Metadata = metadata;
    }

    /// <summary>The featurizer (and through it the lexicon) the model reads.</summary>
    internal SpinFeaturizer Featurizer { get; }

    /// <summary>Decision threshold on the calibrated confidence.</summary>
    internal double Threshold { get; }

    /// <summary>What the model file says about the model.</summary>
    internal ModelMetadata Metadata { get; }

    /// <summary>
    /// Analyses <paramref name="text"/> into <paramref name="analysis"/>, fills the token probabilities and the
    /// document features, and returns the calibrated probability that the text is spun.
    /// </summary>
    internal double Score(ReadOnlySpan<char> text, DocumentAnalysis analysis, Span<float> documentFeatures)
    {
        Featurizer.Analyze(text, analysis);
        ScoreTokens(analysis);
        DocumentFeatureBuilder.Build(analysis, documentFeatures);
        return _document.Probability(documentFeatures);
    }

    /// <summary>Fills <see cref="DocumentAnalysis.Probabilities"/> from the token model.</summary>
    internal void ScoreTokens(DocumentAnalysis analysis)
    {
        // Blocks of rows small enough to stay in the L1 cache while every tree passes over them.
        const int BlockRows = 64;
        Span<double> raw = stackalloc double[BlockRows];
        var count = analysis.EligibleCount;
        for (var start = 0; start < count; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, count - start);
            var scores = raw[..rows];
            _token.Ensemble.PredictRaw(analysis.Features.AsSpan(start * TokenFeatures.Count, rows * TokenFeatures.Count), scores);
            for (var i = 0; i < rows; i++)
            {
                analysis.Probabilities[start + i] = (float)_token.Calibrator.Probability(scores[i]);
            }
        }
    }

    /// <summary>Calibrated document probability from an already built feature row.</summary>
    internal double ScoreDocument(ReadOnlySpan<float> documentFeatures) => _document.Probability(documentFeatures);

    /// <summary>
    /// Writes into <paramref name="best"/> the eligible-word indices with the highest substitution probability at
    /// or above <paramref name="minimum"/>, most suspicious first; returns how many were written.
    /// </summary>
    internal static int TopEvidence(DocumentAnalysis analysis, float minimum, Span<int> best)
    {
        var count = 0;
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var p = analysis.Probabilities[e];
            if (p < minimum)
            {
                continue;
            }

            // Insertion into a small sorted list: evidence lists are short (a handful to a few dozen).
            var at = count < best.Length ? count++ : best.Length;
            while (at > 0 && analysis.Probabilities[best[at - 1]] < p)
            {
                if (at < best.Length)
                {
                    best[at] = best[at - 1];
                }

                at--;
            }

            if (at < best.Length)
            {
                best[at] = e;
            }
        }

        return count;
    }

    /// <summary>Packs the model for <see cref="ModelFile"/>: the document ensemble, with the token model nested.</summary>
    internal static ModelPackage Pack(CalibratedEnsemble token, CalibratedEnsemble document, double threshold, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var options = new Dictionary<string, string>(metadata.Options, StringComparer.Ordinal)
        {
            [ThresholdOption] = threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
        var withThreshold = metadata with { Options = options };
        var tokenPackage = new ModelPackage(withThreshold, TokenSchema, [token]);
        return new ModelPackage(
            withThreshold,
            DocumentSchema,
            [document],
            new Dictionary<string, byte[]>(StringComparer.Ordinal) { [TokenSectionName] = ModelFile.ToBytes(tokenPackage) });
    }

    /// <summary>Reads a spin model file; a file for another feature schema fails with <see cref="ModelFormatException"/>.</summary>
    internal static SpinModel Load(string path, SpinFeaturizer featurizer) =>
        FromPackage(ModelFile.Read(path, DocumentSchema), path, featurizer);

    /// <summary>Builds the model from a package read elsewhere (e.g. an embedded resource).</summary>
    internal static SpinModel FromPackage(ModelPackage package, string source, SpinFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!package.ExtraSections.TryGetValue(TokenSectionName, out var tokenBytes))
        {
            throw new ModelFormatException($"{source}: not a spin model (no '{TokenSectionName}' section).");
        }

        var tokenPackage = ModelFile.FromBytes(tokenBytes, source + "#" + TokenSectionName, TokenSchema);
        var threshold = package.Metadata.Options.TryGetValue(ThresholdOption, out var text)
            ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : 0.5;
        return new SpinModel(
            featurizer,
            tokenPackage.GetEnsemble(TokenEnsembleName),
            package.GetEnsemble(DocumentEnsembleName),
            threshold,
            package.Metadata);
    }
}
