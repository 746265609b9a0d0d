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

    /// <summary>Name of the contextual token ensemble (in its own nested package, see <see cref="ContextSectionName"/>).</summary>
    internal const string ContextEnsembleName = "spin-token-context";

    /// <summary>Extra section holding the contextual token model; models without it use the token model alone.</summary>
    internal const string ContextSectionName = "spin-token-context-model";

    /// <summary>Name of the suggestion ranker's ensemble (in its own nested package, see <see cref="SuggestionSectionName"/>).</summary>
    internal const string SuggestionEnsembleName = "spin-suggestion";

    /// <summary>Extra section holding the suggestion ranker; models without it choose suggestions by a fixed rule.</summary>
    internal const string SuggestionSectionName = "spin-suggestion-model";

    /// <summary>Metadata option holding the decision threshold on the calibrated confidence.</summary>
    internal const string ThresholdOption = "threshold";

    /// <summary>Schema of the document model's input.</summary>
    internal static readonly FeatureSchema DocumentSchema =
        new("spin-document", DocumentFeatures.SchemaVersion, DocumentFeatures.Names);

    /// <summary>Schema of the token model's input.</summary>
    internal static readonly FeatureSchema TokenSchema =
        new("spin-token", TokenFeatures.SchemaVersion, TokenFeatures.Names);

    /// <summary>Schema of the contextual token model's input.</summary>
    internal static readonly FeatureSchema ContextSchema =
        new("spin-token-context", TokenContextFeatures.SchemaVersion, TokenContextFeatures.Names);

    /// <summary>Schema of the suggestion ranker's input.</summary>
    internal static readonly FeatureSchema SuggestionSchema =
        new("spin-suggestion", SuggestionFeatures.SchemaVersion, SuggestionFeatures.Names);

    private readonly CalibratedEnsemble _document;

    /// <summary>
    /// Creates a model from its ensembles; <paramref name="context"/> is the optional contextual token model and
    /// <paramref name="suggestions"/> the optional suggestion ranker.
    /// </summary>
    internal SpinModel(
        SpinFeaturizer featurizer, CalibratedEnsemble token, CalibratedEnsemble document, double threshold, ModelMetadata metadata,
        CalibratedEnsemble? context = null, CalibratedEnsemble? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(document);
        if (token.Ensemble.FeatureCount != TokenFeatures.Count || document.Ensemble.FeatureCount != DocumentFeatures.Count)
        {
            throw new ArgumentException("The ensembles do not match the spin feature schema.");
        }

        Featurizer = featurizer;
        Tokens = new TokenScorer(token, context);
        Suggestions = suggestions is null ? null : new SuggestionRanker(suggestions);
        _document = document;
        Threshold = threshold;
        Metadata = metadata;
    }

    /// <summary>The featurizer (and through it the lexicon) the model reads.</summary>
    internal SpinFeaturizer Featurizer { get; }

    /// <summary>The token models, which give each eligible word its substitution probability.</summary>
    internal TokenScorer Tokens { get; }

    /// <summary>The suggestion ranker, or null when the model chooses suggestions by the fixed rule.</summary>
    internal SuggestionRanker? Suggestions { get; }

    /// <summary>Decision threshold on the calibrated confidence.</summary>
    internal double Threshold { get; }

    /// <summary>What the model file says about the model.</summary>
    internal ModelMetadata Metadata { get; }

    /// <summary>
    /// Analyses <paramref name="text"/> into <paramref name="analysis"/>, fills the token probabilities and the
    /// document features, and returns the calibrated probability that the text is spun: 0 for a text without a word
    /// a spinner would replace (empty, only names, numbers or function words, or nothing left after cleaning). With
    /// <paramref name="tokenized"/>, <c>analysis.Tokens</c> already holds the text's tokens.
    /// </summary>
    /// <remarks>
    /// The document model never saw such a text (every training text has content words) and its trees answer an
    /// all-missing feature row arbitrarily (0.99 for the shipped model), while a spinner that found nothing to replace
    /// left the text as it was.
    /// </remarks>
    internal double Score(ReadOnlySpan<char> text, DocumentAnalysis analysis, Span<float> documentFeatures, bool tokenized = false)
    {
        if (tokenized)
        {
            Featurizer.AnalyzeTokens(text, analysis);
        }
        else
        {
            Featurizer.Analyze(text, analysis);
        }

        ScoreTokens(analysis);
        DocumentFeatureBuilder.Build(analysis, documentFeatures);
        return analysis.EligibleCount == 0 ? 0 : _document.Probability(documentFeatures);
    }

    /// <summary>Fills <see cref="DocumentAnalysis.Probabilities"/> from the token models.</summary>
    internal void ScoreTokens(DocumentAnalysis analysis) => Tokens.Score(analysis);

    /// <summary>Calibrated document probability from an already built feature row.</summary>
    internal double ScoreDocument(ReadOnlySpan<float> documentFeatures) => _document.Probability(documentFeatures);

    /// <summary>
    /// The likely original (a lexicon id) of eligible word <paramref name="e"/> of the analysed document, or −1: the
    /// ranker's choice when the model has one, else <see cref="SpinFeaturizer.BestSuggestion"/>.
    /// </summary>
    internal int Suggest(DocumentAnalysis analysis, int e) =>
        Suggestions is { } ranker ? ranker.Best(Featurizer, analysis, e) : Featurizer.BestSuggestion(analysis, e);

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

    /// <summary>
    /// Packs the model for <see cref="ModelFile"/>: the document ensemble, with the token model (and the contextual
    /// token model and the suggestion ranker, when there are) nested.
    /// </summary>
    internal static ModelPackage Pack(
        CalibratedEnsemble token, CalibratedEnsemble document, double threshold, ModelMetadata metadata, CalibratedEnsemble? context = null,
        CalibratedEnsemble? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var options = new Dictionary<string, string>(metadata.Options, StringComparer.Ordinal)
        {
            [ThresholdOption] = threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
        var withThreshold = metadata with { Options = options };
        var sections = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [TokenSectionName] = ModelFile.ToBytes(new ModelPackage(withThreshold, TokenSchema, [token])),
        };
        if (context is not null)
        {
            sections[ContextSectionName] = ModelFile.ToBytes(new ModelPackage(withThreshold, ContextSchema, [context]));
        }

        if (suggestions is not null)
        {
            sections[SuggestionSectionName] = ModelFile.ToBytes(new ModelPackage(withThreshold, SuggestionSchema, [suggestions]));
        }

        return new ModelPackage(withThreshold, DocumentSchema, [document], sections);
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
        var context = package.ExtraSections.TryGetValue(ContextSectionName, out var contextBytes)
            ? ModelFile.FromBytes(contextBytes, source + "#" + ContextSectionName, ContextSchema).GetEnsemble(ContextEnsembleName)
            : null;
        var suggestions = package.ExtraSections.TryGetValue(SuggestionSectionName, out var suggestionBytes)
            ? ModelFile.FromBytes(suggestionBytes, source + "#" + SuggestionSectionName, SuggestionSchema).GetEnsemble(SuggestionEnsembleName)
            : null;
        var threshold = package.Metadata.Options.TryGetValue(ThresholdOption, out var text)
            ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : 0.5;
        return new SpinModel(
            featurizer,
            tokenPackage.GetEnsemble(TokenEnsembleName),
            package.GetEnsemble(DocumentEnsembleName),
            threshold,
            package.Metadata,
            context,
            suggestions);
    }
}
