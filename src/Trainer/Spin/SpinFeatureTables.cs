using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Featurizes labelled documents into the training tables of the two spin models, in parallel but with
/// results in input order, so the same documents and seed always give the same tables.
/// </summary>
internal static class SpinFeatureTables
{
    /// <summary>
    /// The token table: one row per sampled eligible word, labelled from the substitution log. At most
    /// <paramref name="maxTokensPerDocument"/> words are kept per document (a deterministic sample), so long
    /// documents do not dominate; the group column holds the document's group.
    /// </summary>
    public static TabularData BuildTokenTable(
        IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, int maxTokensPerDocument, int seed, int threads) =>
        BuildWordTable(documents, featurizer, maxTokensPerDocument, seed, threads, TokenFeatures.Names, static analysis => analysis.Features);

    /// <summary>
    /// The contextual token table: the same sampled words as <see cref="BuildTokenTable"/> with the same labels, as
    /// rows of <see cref="TokenContextFeatures"/> built from <paramref name="firstStage"/>'s probabilities (which must
    /// come from a token model that did not learn from these documents).
    /// </summary>
    public static TabularData BuildContextTable(
        IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, TokenScorer firstStage, int maxTokensPerDocument, int seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(firstStage);
        return BuildWordTable(documents, featurizer, maxTokensPerDocument, seed, threads, TokenContextFeatures.Names, analysis =>
        {
            firstStage.ScoreFirstStage(analysis);
            TokenContextFeatures.Build(analysis);
            return analysis.ContextFeatures;
        });
    }

    // Featurizes each document, lets `rowsOf` turn the analysis into a row-major matrix of `names.Length` columns per
    // eligible word, and keeps the sampled words' rows with their labels, in input order.
    private static TabularData BuildWordTable(
        IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, int maxTokensPerDocument, int seed, int threads,
        string[] names, Func<DocumentAnalysis, float[]> rowsOf)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(featurizer);
        var columns = names.Length;
        var rows = new float[documents.Count][];
        var labels = new float[documents.Count][];
        Run(documents.Count, threads, (i, analysis) =>
        {
            var document = documents[i];
            featurizer.Analyze(document.Text, analysis);
            var matrix = rowsOf(analysis);
            var all = new float[analysis.EligibleCount];
            TokenLabeler.Label(analysis, document.Replacements, all);
            var keep = Sample(analysis.EligibleCount, maxTokensPerDocument, StableHash(document.Id) ^ (seed * 16777619));
            var docRows = new float[keep.Length * columns];
            var docLabels = new float[keep.Length];
            for (var k = 0; k < keep.Length; k++)
            {
                matrix.AsSpan(keep[k] * columns, columns).CopyTo(docRows.AsSpan(k * columns));
                docLabels[k] = all[keep[k]];
            }

            rows[i] = docRows;
            labels[i] = docLabels;
        });

        var total = 0;
        foreach (var l in labels)
        {
            total += l.Length;
        }

        var features = new float[total * columns];
        var flatLabels = new float[total];
        var groups = new int[total];
        var at = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            rows[i].CopyTo(features.AsSpan(at * columns));
            labels[i].CopyTo(flatLabels.AsSpan(at));
            groups.AsSpan(at, labels[i].Length).Fill(StableHash(documents[i].Group));
            at += labels[i].Length;
        }

        return new TabularData(names, features, flatLabels, groups: groups);
    }

    /// <summary>The document table, with token probabilities from <paramref name="tokens"/>.</summary>
    public static TabularData BuildDocumentTable(
        IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, TokenScorer tokens, int threads)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(tokens);
        var features = new float[documents.Count * DocumentFeatures.Count];
        var labels = new float[documents.Count];
        var groups = new int[documents.Count];
        Run(documents.Count, threads, (i, analysis) =>
        {
            var document = documents[i];
            featurizer.Analyze(document.Text, analysis);
            tokens.Score(analysis);
            DocumentFeatureBuilder.Build(analysis, features.AsSpan(i * DocumentFeatures.Count, DocumentFeatures.Count));
            labels[i] = document.Spun ? 1 : 0;
            groups[i] = StableHash(document.Group);
        });
        return new TabularData(DocumentFeatures.Names, features, labels, groups: groups);
    }

    /// <summary>Runs <paramref name="body"/> for every index with one <see cref="DocumentAnalysis"/> per worker.</summary>
    internal static void Run(int count, int threads, Action<int, DocumentAnalysis> body)
    {
        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => new DocumentAnalysis(),
            (i, _, analysis) =>
            {
                body(i, analysis);
                return analysis;
            },
            analysis => analysis.Dispose());
    }

    /// <summary>A hash of a string that is the same in every process (string.GetHashCode is randomised).</summary>
    internal static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static int[] Sample(int count, int max, int seed)
    {
        if (count <= max)
        {
            var all = new int[count];
            for (var i = 0; i < count; i++)
            {
                all[i] = i;
            }

            return all;
        }

        // Partial Fisher–Yates with a seeded generator, then sorted so rows keep text order.
        var random = new Random(seed);
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        for (var i = 0; i < max; i++)
        {
            var j = random.Next(i, count);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var kept = indices[..max];
        Array.Sort(kept);
        return kept;
    }
}
