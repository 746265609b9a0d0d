using SpinDetect.Features;
using SpinDetect.Tests.Features;
using SpinDetect.Tests.Retraining;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Spin;

public sealed class SuggestionTableTests
{
    private static readonly SpinFeaturizer Featurizer = new(TinyWordStatistics.CatAndBag());

    [Fact]
    public void Every_ranked_word_has_one_row_per_candidate_and_exactly_one_labelled_row_its_logged_original()
    {
        var documents = SyntheticCorpus.Documents(40, seed: 3);
        var spunWords = 0;
        foreach (var d in documents.Where(d => d.Spun))
        {
            spunWords += d.Replacements.Length;
        }

        var table = SuggestionTable.Build(documents, Featurizer, maxWordsPerDocument: 100, seed: 1, threads: 2);

        // The synthetic spinner writes "purse" for "bag" and "arise" for "result": both originals are candidates.
        Assert.Equal(spunWords, SuggestionTable.GroupCount(table));
        var groups = table.Groups.ToArray();
        for (var g = 0; g < SuggestionTable.GroupCount(table); g++)
        {
            var rows = Enumerable.Range(0, table.RowCount).Where(r => groups[r] == g).ToArray();
            Assert.Equal(rows[0] + rows.Length - 1, rows[^1]); // contiguous
            Assert.Equal(2, rows.Length); // purse: bag, cat; arise: result, won
            Assert.Equal(1, rows.Count(r => table.Labels[r] == 1));
            // The candidates come most frequent first, and the original is the first of both lists.
            Assert.Equal(1f, table.Labels[rows[0]]);
            Assert.Equal(0f, table.Row(rows[0])[SuggestionFeatures.ListRank]);
        }
    }

    [Fact]
    public void Clean_documents_and_words_past_the_per_document_cap_add_no_rows()
    {
        var documents = SyntheticCorpus.Documents(40, seed: 3);

        var clean = SuggestionTable.Build(documents.Where(d => !d.Spun).ToList(), Featurizer, 100, seed: 1, threads: 2);
        var capped = SuggestionTable.Build(documents, Featurizer, maxWordsPerDocument: 1, seed: 1, threads: 2);

        Assert.Equal(0, clean.RowCount);
        Assert.Equal(documents.Count(d => d.Spun && d.Replacements.Length > 0), SuggestionTable.GroupCount(capped));
    }

    [Fact]
    public void The_hit_rate_counts_the_words_whose_labelled_row_scores_highest_ties_going_to_the_earlier_row()
    {
        // Three words: the original scores highest; a tie with an earlier wrong row; a wrong row highest.
        var table = new TabularData(
            ["x"],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 1, 0, 1, 1, 0, 0],
            groups: [0, 0, 1, 1, 2, 2, 2]);

        Assert.Equal(1.0 / 3, SuggestionTable.HitRate(table, [0.1, 0.9, 0.5, 0.5, 0.2, 0.7, 0.1]), 12);
        Assert.True(double.IsNaN(SuggestionTable.HitRate(new TabularData(["x"], [], []), [])));
    }
}
