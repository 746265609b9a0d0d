using SpinDetect.Training.Corpus;
using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityCorpusTests
{
    [Theory]
    [InlineData("news")]
    [InlineData("editorial")]
    [InlineData("reviews")]
    public void Brown_press_samples_are_runs_of_pieces_not_articles(string genre)
    {
        Assert.True(QualityCorpus.IsComposite(new SourceDocument("brown/ca01", "brown", genre, "brown/ca01", "Text.")));
    }

    [Theory]
    [InlineData("brown", "learned")]
    [InlineData("brown", "belles_lettres")]
    [InlineData("brown", "government")]
    [InlineData("sotu", "speech")]
    [InlineData("sotu", "news")]
    public void Other_non_fiction_and_speeches_are_articles(string source, string register)
    {
        Assert.False(QualityCorpus.IsComposite(new SourceDocument(source + "/x", source, register, source + "/x", "Text.")));
    }
}
