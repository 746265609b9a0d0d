using SpinDetect.Features;
using SpinDetect.Tests.Features;
using SpinDetect.Training.Spin;

namespace SpinDetect.Tests.Spin;

public sealed class TokenLabelerTests
{
    private static (string[] Words, float[] Labels, int Uncovered) Label(string text, params (int Start, int Length)[] replacements)
    {
        using var analysis = new DocumentAnalysis();
        new SpinFeaturizer(TinyWordStatistics.CatAndBag().WithWordsOf(text)).Analyze(text, analysis);
        var labels = new float[analysis.EligibleCount];
        var uncovered = TokenLabeler.Label(analysis, replacements, labels);
        var words = new string[analysis.EligibleCount];
        for (var e = 0; e < words.Length; e++)
        {
            var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
            words[e] = text.Substring(token.Start, token.Length);
        }

        return (words, labels, uncovered);
    }

    private static (int, int) Span(string text, string part) => (text.IndexOf(part, StringComparison.Ordinal), part.Length);

    [Fact]
    public void Only_the_eligible_words_inside_a_replacement_are_labelled()
    {
        const string text = "The cat is out of the purse and the staff left quickly.";
        var (words, labels, uncovered) = Label(text, Span(text, "purse"), Span(text, "left"));
        Assert.Equal(["cat", "purse", "staff", "left", "quickly"], words);
        Assert.Equal([0f, 1f, 0f, 1f, 0f], labels);
        Assert.Equal(0, uncovered);
    }

    [Fact]
    public void Each_labelled_word_names_the_replacement_that_covers_it()
    {
        const string text = "The cat is out of the purse and the staff left quickly.";
        using var analysis = new DocumentAnalysis();
        new SpinFeaturizer(TinyWordStatistics.CatAndBag().WithWordsOf(text)).Analyze(text, analysis);
        var labels = new float[analysis.EligibleCount];
        var covering = new int[analysis.EligibleCount];
        TokenLabeler.Label(analysis, [Span(text, "purse"), Span(text, "left")], labels, covering);
        Assert.Equal([-1, 0, -1, 1, -1], covering);
    }

    [Fact]
    public void A_multi_word_replacement_labels_every_word_it_covers_and_counts_once()
    {
        const string text = "Soon after, nonetheless, the staff left.";
        var (words, labels, uncovered) = Label(text, Span(text, "Soon after, nonetheless"));
        Assert.Equal(["Soon", "nonetheless", "staff", "left"], words);
        Assert.Equal([1f, 1f, 0f, 0f], labels);
        Assert.Equal(0, uncovered);
    }

    [Fact]
    public void A_replacement_on_no_eligible_word_is_reported()
    {
        const string text = "The cat is out of the purse.";
        var (_, labels, uncovered) = Label(text, Span(text, "of the"));
        Assert.All(labels, l => Assert.Equal(0f, l));
        Assert.Equal(1, uncovered);
    }
}
