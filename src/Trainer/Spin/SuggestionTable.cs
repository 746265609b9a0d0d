using SpinDetect.Features;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Spin;

/// <summary>
/// The suggestion ranker's training table: for sampled substituted words of spun documents whose original is on the
/// fixed rule's shortlist of their candidate originals (<see cref="SpinFeaturizer.ShortlistSuggestions"/>, what the
/// trees score at run time), one <see cref="SuggestionFeatures"/> row per shortlisted candidate, labelled 1 for the
/// spinner's original. The rows of one word are contiguous and share a group number (0, 1, 2, … in table order), so a ranker
/// can be measured by how often the original gets the highest score within its group.
/// </summary>
internal static class SuggestionTable
{
    /// <summary>
    /// Builds the table from <paramref name="documents"/> (only spun documents with known originals contribute), with
    /// at most <paramref name="maxWordsPerDocument"/> words per document, a deterministic sample for the seed.
    /// </summary>
    public static TabularData Build(
        IReadOnlyList<SpinDocument> documents, SpinFeaturizer featurizer, int maxWordsPerDocument, int seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(featurizer);
        const int Width = SuggestionFeatures.Count;
        var rows = new float[documents.Count][];
        var labels = new float[documents.Count][];
        var sizes = new int[documents.Count][];
        SpinFeatureTables.Run(documents.Count, threads, (i, analysis) =>
        {
            var document = documents[i];
            rows[i] = [];
            labels[i] = [];
            sizes[i] = [];
            if (!document.Spun || document.Originals is not { Length: > 0 } originals)
            {
                return;
            }

            featurizer.Analyze(document.Text, analysis);
            var n = analysis.EligibleCount;
            var wordLabels = new float[n];
            var covering = new int[n];
            TokenLabeler.Label(analysis, document.Replacements, wordLabels, covering);
            var words = new List<(int Eligible, int Original)>();
            for (var e = 0; e < n; e++)
            {
                // A one-word original the lexicon knows; several words can never be a one-word suggestion.
                if (covering[e] >= 0 && featurizer.Statistics.GetId(originals[covering[e]]) is var id and >= 0)
                {
                    words.Add((e, id));
                }
            }

            var random = new Random(SpinFeatureTables.StableHash(document.Id) ^ (seed * 16777619));
            Shuffle(words, random, maxWordsPerDocument);
            var docRows = new List<float>();
            var docLabels = new List<float>();
            var docSizes = new List<int>();
            Span<int> candidates = stackalloc int[SpinFeaturizer.MaxSuggestionCandidates];
            Span<int> kept = stackalloc int[SpinFeaturizer.RankedSuggestionCandidates];
            var buffer = new float[SpinFeaturizer.MaxSuggestionCandidates * Width];
            for (var k = 0; k < Math.Min(words.Count, maxWordsPerDocument); k++)
            {
                var (e, original) = words[k];
                var count = featurizer.SuggestionRows(analysis, e, candidates, buffer);
                // The rows the trees will score: the rule's shortlist, as at run time.
                var shortlisted = SpinFeaturizer.ShortlistSuggestions(buffer, count, kept);
                var at = -1;
                for (var j = 0; j < shortlisted; j++)
                {
                    at = candidates[kept[j]] == original ? j : at;
                }

                if (at < 0)
                {
                    // The original is not on the shortlist: nothing to rank.
                    continue;
                }

                for (var j = 0; j < shortlisted; j++)
                {
                    docRows.AddRange(buffer.AsSpan(kept[j] * Width, Width));
                    docLabels.Add(j == at ? 1 : 0);
                }

                docSizes.Add(shortlisted);
            }

            rows[i] = [.. docRows];
            labels[i] = [.. docLabels];
            sizes[i] = [.. docSizes];
        });

        var total = 0;
        foreach (var l in labels)
        {
            total += l.Length;
        }

        var features = new float[total * Width];
        var flatLabels = new float[total];
        var groups = new int[total];
        int atRow = 0, group = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            rows[i].CopyTo(features.AsSpan(atRow * Width));
            labels[i].CopyTo(flatLabels.AsSpan(atRow));
            foreach (var size in sizes[i])
            {
                groups.AsSpan(atRow, size).Fill(group++);
                atRow += size;
            }
        }

        return new TabularData(SuggestionFeatures.Names, features, flatLabels, groups: groups);
    }

    /// <summary>
    /// Share of the table's groups whose labelled row gets the highest of <paramref name="scores"/> (one per row; ties
    /// go to the earlier row, as the ranker breaks them).
    /// </summary>
    public static double HitRate(TabularData table, ReadOnlySpan<double> scores)
    {
        ArgumentNullException.ThrowIfNull(table);
        var groups = table.Groups;
        var labels = table.Labels;
        int hits = 0, count = 0;
        for (var start = 0; start < table.RowCount;)
        {
            var end = start + 1;
            while (end < table.RowCount && groups[end] == groups[start])
            {
                end++;
            }

            var best = start;
            for (var r = start + 1; r < end; r++)
            {
                best = scores[r] > scores[best] ? r : best;
            }

            hits += labels[best] > 0.5f ? 1 : 0;
            count++;
            start = end;
        }

        return count == 0 ? double.NaN : (double)hits / count;
    }

    /// <summary>Number of groups (ranked words) in the table.</summary>
    public static int GroupCount(TabularData table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.RowCount == 0 ? 0 : table.Groups[^1] + 1;
    }

    // Moves a seeded random sample of `take` items to the front (partial Fisher–Yates), then sorts it back into text
    // order so the rows follow the document.
    private static void Shuffle(List<(int Eligible, int Original)> items, Random random, int take)
    {
        var n = Math.Min(take, items.Count);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, items.Count);
            (items[i], items[j]) = (items[j], items[i]);
        }

        items.Sort(0, n, Comparer<(int Eligible, int Original)>.Create((a, b) => a.Eligible.CompareTo(b.Eligible)));
    }
}
