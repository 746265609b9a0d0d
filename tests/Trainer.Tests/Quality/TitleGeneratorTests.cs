using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class TitleGeneratorTests
{
    private static readonly string[] Piece =
    [
        "The harbour authority in Westbay has approved a plan to dredge the main channel, which has grown too shallow for the larger fishing boats. Work will start in February.",
        "Skippers have complained for years that they must wait for high tide before they can leave port. The delay costs them hours of fishing time on short winter days.",
        "A spokesman for the authority said the channel would be closed for three weeks.",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Titles_are_short_headlines_made_of_the_article_s_own_words(bool heldOut)
    {
        var generator = new TitleGenerator(new Random(3), heldOut);
        var words = Piece.SelectMany(p => p.Split(' ')).Select(w => w.Trim(',', '.', '"').ToLowerInvariant()).ToHashSet();
        var marked = 0;
        for (var i = 0; i < 200; i++)
        {
            var title = generator.Title(Piece);
            marked += title.StartsWith('#') ? 1 : 0;
            var parts = title.TrimStart('#', ' ').TrimEnd('?').Split(' ');
            Assert.InRange(parts.Length, 3, 11);
            Assert.False(title.EndsWith('.'), title);
            Assert.All(parts, w => Assert.Contains(w.ToLowerInvariant(), words));
        }

        Assert.InRange(marked, 20, 120);
    }

    [Fact]
    public void A_standfirst_is_one_sentence_of_the_piece_that_repeats_no_line()
    {
        var generator = new TitleGenerator(new Random(5), heldOut: false);
        for (var i = 0; i < 50; i++)
        {
            var standfirst = generator.Standfirst(Piece);
            Assert.NotNull(standfirst);
            Assert.DoesNotContain(standfirst, Piece);
            Assert.Contains(Piece, p => p.Contains(standfirst, StringComparison.Ordinal));
        }

        // A piece of one-sentence paragraphs has no sentence that is not a whole line.
        Assert.Null(generator.Standfirst([Piece[2]]));
    }
}
