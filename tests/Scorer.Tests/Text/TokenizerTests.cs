using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Text;

namespace SpinDetect.Tests.Text;

public sealed class TokenizerTests
{
    private static (string Text, TokenKind Kind, TokenFlags Flags)[] Tokenize(string text)
    {
        using var tokens = new TokenList();
        Tokenizer.Tokenize(text, tokens);
        var result = new (string, TokenKind, TokenFlags)[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            result[i] = (text.Substring(t.Start, t.Length), t.Kind, t.Flags);
        }

        return result;
    }

    [Fact]
    public void Words_keep_internal_apostrophes_and_split_hyphens()
    {
        var tokens = Tokenize("The cat's already out of the bag, isn't it? A well-known fact.");
        Assert.Equal(
            ["The", "cat's", "already", "out", "of", "the", "bag", ",", "isn't", "it", "?", "A", "well", "-", "known", "fact", "."],
            tokens.Select(t => t.Text));
        Assert.All(tokens.Where(t => char.IsLetter(t.Text[0])), t => Assert.Equal(TokenKind.Word, t.Kind));
        Assert.True(tokens[14].Flags.HasFlag(TokenFlags.Attached));
        Assert.True(tokens[1].Flags.HasFlag(TokenFlags.Apostrophe));
    }

    [Theory]
    [InlineData("Mr. Smith said it rained.", "Smith")]
    [InlineData("Officials met Dr. Jones.", "Jones")]
    [InlineData("George W. Bush spoke.", "Bush")]
    [InlineData("The U.S. Senate voted.", "Senate")]
    public void A_title_or_initial_does_not_end_the_sentence(string text, string name)
    {
        var tokens = Tokenize(text);
        var word = tokens.Single(t => t.Text == name);
        Assert.False(word.Flags.HasFlag(TokenFlags.SentenceStart));
        Assert.Contains(tokens, t => t.Text == "." && t.Flags.HasFlag(TokenFlags.Abbreviation));
    }

    [Theory]
    [InlineData("It was late. Smith left.", "Smith")]
    [InlineData("They met at the Inc. Later they left.", "Later")]
    [InlineData("We sold it to Mr Gray. Then we left.", "Then")]
    public void A_full_stop_after_an_ordinary_word_starts_a_sentence(string text, string next)
    {
        var tokens = Tokenize(text);
        Assert.True(tokens.Single(t => t.Text == next).Flags.HasFlag(TokenFlags.SentenceStart));
        Assert.DoesNotContain(tokens, t => t.Flags.HasFlag(TokenFlags.Abbreviation));
    }

    [Theory]
    [InlineData("isn\u2019t")]
    [InlineData("isn\u02BCt")]
    [InlineData("isn\u00B4t")]
    [InlineData("isn`t")]
    [InlineData("cat\u2018s")]
    public void Typographic_apostrophes_inside_a_word_keep_it_whole(string word)
    {
        var tokens = Tokenize($"It {word} here.");
        Assert.Equal(["It", word, "here", "."], tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.Word, tokens[1].Kind);
        Assert.True(tokens[1].Flags.HasFlag(TokenFlags.Apostrophe));
    }

    [Theory]
    [InlineData("com\u00ADpany")]
    [InlineData("com\u200Bpany")]
    [InlineData("com\u2060pany")]
    public void Invisible_characters_inside_a_word_keep_it_whole(string word)
    {
        var tokens = Tokenize($"The {word} grew.");
        Assert.Equal(["The", word, "grew", "."], tokens.Select(t => t.Text));
    }

    [Fact]
    public void A_quote_mark_or_invisible_character_between_words_still_separates_them()
    {
        var tokens = Tokenize("He said \u2018no\u2019 and left\u200B now.");
        Assert.Equal(["He", "said", "\u2018", "no", "\u2019", "and", "left", "\u200B", "now", "."], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Sentence_starts_follow_terminal_punctuation_and_paragraphs()
    {
        var tokens = Tokenize("It rained. Then it stopped!\n\nNext day, sun");
        var starts = tokens.Where(t => t.Flags.HasFlag(TokenFlags.SentenceStart)).Select(t => t.Text);
        Assert.Equal(["It", "Then", "Next"], starts);
        Assert.True(tokens.Single(t => t.Text == "Next").Flags.HasFlag(TokenFlags.ParagraphStart));
        Assert.False(tokens.Single(t => t.Text == "sun").Flags.HasFlag(TokenFlags.SentenceStart));
    }

    [Fact]
    public void Numbers_with_separators_are_one_token()
    {
        var tokens = Tokenize("retweeted 6,000 times in 2020, 3.5% more, on the 10th");
        Assert.Contains(("6,000", TokenKind.Number, TokenFlags.None), tokens);
        Assert.Contains(tokens, t => t.Text == "3.5" && t.Kind == TokenKind.Number);
        Assert.Contains(tokens, t => t.Text == "2020" && t.Kind == TokenKind.Number);
        Assert.Contains(tokens, t => t.Text == "10th" && t.Kind == TokenKind.Number);
    }

    [Theory]
    [InlineData("Read https://example.com/a/b?x=1. Then go", "https://example.com/a/b?x=1", TokenKind.Url)]
    [InlineData("visit www.example.org today", "www.example.org", TokenKind.Url)]
    [InlineData("see news.example.com/story for more", "news.example.com/story", TokenKind.Url)]
    [InlineData("mail jane.doe@example.com, please", "jane.doe@example.com", TokenKind.Email)]
    [InlineData("follow @jane_doe now", "@jane_doe", TokenKind.Handle)]
    [InlineData("tagged #breaking news", "#breaking", TokenKind.Handle)]
    internal void Addresses_and_handles_are_recognised(string text, string expected, TokenKind kind)
    {
        Assert.Contains(Tokenize(text), t => t.Text == expected && t.Kind == kind);
    }

    [Fact]
    public void A_sentence_end_without_space_is_not_a_domain()
    {
        var tokens = Tokenize("It ended.Then we left");
        Assert.Contains(tokens, t => t.Text == "ended" && t.Kind == TokenKind.Word);
        Assert.Contains(tokens, t => t.Text == "Then" && t.Kind == TokenKind.Word);
    }

    [Fact]
    public void Case_flags_describe_capitalisation()
    {
        var tokens = Tokenize("NASA and iPhone and Paris");
        Assert.True(tokens[0].Flags.HasFlag(TokenFlags.AllCaps));
        Assert.True(tokens[2].Flags.HasFlag(TokenFlags.MixedCase));
        Assert.True(tokens[4].Flags.HasFlag(TokenFlags.Capitalized));
        Assert.False(tokens[1].Flags.HasFlag(TokenFlags.Capitalized));
    }

    [Fact]
    public void Reusing_a_list_gives_the_same_tokens()
    {
        using var tokens = new TokenList(4);
        Tokenizer.Tokenize("one two three four five six seven eight nine ten eleven", tokens);
        var first = tokens.AsSpan().ToArray();
        Tokenizer.Tokenize("x", tokens);
        Tokenizer.Tokenize("one two three four five six seven eight nine ten eleven", tokens);
        Assert.Equal(first, tokens.AsSpan().ToArray());
    }

    [Fact]
    public void Any_text_tokenises_within_bounds_covering_every_visible_character_deterministically()
    {
        var gen = ArbMap.Default.GeneratorFor<string>()
            .Select(s => s ?? string.Empty)
            .Zip(Gen.Elements("", " hello", "\n\n", "https://x.io/a", "’s", "–", "😀", "â€™", "é", ".", "@"))
            .Select(p => p.Item1 + p.Item2 + p.Item1);
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            using var tokens = new TokenList(1);
            Tokenizer.Tokenize(text, tokens);
            var covered = new bool[text.Length];
            var previousEnd = 0;
            foreach (var t in tokens.AsSpan())
            {
                if (t.Start < previousEnd || t.Length <= 0 || t.End > text.Length)
                {
                    return false;
                }

                for (var k = t.Start; k < t.End; k++)
                {
                    covered[k] = true;
                }

                previousEnd = t.End;
            }

            for (var k = 0; k < text.Length; k++)
            {
                if (!covered[k] && !char.IsWhiteSpace(text[k]))
                {
                    return false;
                }
            }

            var again = new TokenList(1);
            Tokenizer.Tokenize(text, again);
            return again.AsSpan().SequenceEqual(tokens.AsSpan());
        }).QuickCheckThrowOnFailure();
    }
}
