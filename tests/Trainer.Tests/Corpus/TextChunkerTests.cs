using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class TextChunkerTests
{
    private static readonly string Document = string.Join("\n\n", Enumerable.Range(0, 40).Select(p =>
        string.Join(' ', Enumerable.Range(0, 5).Select(s => $"Paragraph {p} has sentence {s} with a few more plain words in it."))));

    [Fact]
    public void Pieces_stay_within_the_word_bounds_and_end_at_sentence_ends()
    {
        var pieces = TextChunker.Chunk(Document, 150, 400, new Random(3));

        Assert.True(pieces.Count >= 4);
        foreach (var piece in pieces)
        {
            Assert.InRange(TextStatistics.CountWords(piece), 150, 400);
            Assert.EndsWith(".", piece, StringComparison.Ordinal);
            Assert.StartsWith("Paragraph", piece, StringComparison.Ordinal);
        }

        Assert.Contains(pieces, p => p.Contains("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentences_split_at_ends_but_not_after_abbreviations_or_initials()
    {
        var sentences = SentenceSplitter.Split("Mr. Smith met John F. Kennedy in the U.S. Senate. It rained! Did it? \"Yes.\" Then 3 left.");

        Assert.Equal(["Mr. Smith met John F. Kennedy in the U.S. Senate.", "It rained!", "Did it?", "\"Yes.\"", "Then 3 left."], sentences);
    }

    [Fact]
    public void Speech_reactions_become_paragraph_breaks()
    {
        var text = SotuReader.Restore("We met. We spoke. [Applause] Then we left. [Laughter] Finally it ended.");

        Assert.Equal("We met. We spoke.\n\nThen we left.\n\nFinally it ended.", text);
    }
}
