using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>Sanity checks of the committed models/embeddings.bin against the committed models/lexicon.bin.</summary>
public sealed class ShippedEmbeddingsTests
{
    private static readonly Lazy<(ReferenceLexicon Lexicon, WordEmbeddings Embeddings)> Shipped = new(() =>
    {
        var lexicon = ReferenceLexicon.Load(ShippedLexiconTests.FindAsset("models/lexicon.bin"));
        return (lexicon, WordEmbeddings.Load(ShippedLexiconTests.FindAsset("models/embeddings.bin"), lexicon));
    });

    private static ReferenceLexicon Lexicon => Shipped.Value.Lexicon;

    private static WordEmbeddings Embeddings => Shipped.Value.Embeddings;

    private static int Id(string word)
    {
        var id = Lexicon.GetId(word);
        Assert.True(id >= 0, $"'{word}' is not in the lexicon");
        return id;
    }

    private static float Cosine(string a, string b) => Embeddings.Cosine(Id(a), Id(b));

    private static float Fit(string word, params string[] context) =>
        Embeddings.CosineToCentroid(Id(word), context.Select(Id).ToArray());

    [Fact]
    public void Asset_covers_the_lexicon_vocabulary()
    {
        Assert.Equal(100, Embeddings.Dimensions);
        Assert.Equal(Lexicon.WordCount, Embeddings.WordCount);
        Assert.InRange((double)Embeddings.PresentCount / Embeddings.WordCount, 0.95, 1.0);
    }

    [Theory]
    [InlineData("king", "queen", "carrot")]
    [InlineData("doctor", "nurse", "guitar")]
    [InlineData("cat", "dog", "democracy")]
    [InlineData("bag", "purse", "democracy")]
    public void Related_words_are_closer_than_unrelated_ones(string word, string related, string unrelated) =>
        Assert.True(Cosine(word, related) > Cosine(word, unrelated) + 0.3f, $"cos({word}, {related}) = {Cosine(word, related)}, cos({word}, {unrelated}) = {Cosine(word, unrelated)}");

    [Theory]
    [InlineData("times", "seasons", new[] { "video", "was", "viewed", "shared", "within", "hour" })]
    [InlineData("employees", "hires", new[] { "company", "laid", "off", "cut", "jobs" })]
    [InlineData("result", "arise", new[] { "as", "prices", "rose", "sharply" })]
    public void Original_fits_its_context_better_than_a_spinner_substitute(string original, string substitute, string[] context) =>
        Assert.True(Fit(original, context) > Fit(substitute, context) + 0.15f, $"{original} {Fit(original, context)} vs {substitute} {Fit(substitute, context)}");

    [Fact]
    public void Clitic_and_possessive_forms_share_their_host_vector()
    {
        Assert.True(Cosine("it's", "it") > 0.999f);
        Assert.True(Cosine("didn't", "did") > 0.999f);
        Assert.True(Cosine("world's", "world") > 0.999f);
    }
}
