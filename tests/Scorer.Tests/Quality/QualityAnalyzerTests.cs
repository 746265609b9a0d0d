using System.Text;
using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

/// <summary>Behaviour of the shipped quality model on articles written for these tests.</summary>
public sealed class QualityAnalyzerTests
{
    private static readonly QualityAnalyzer Analyzer = new(QualityModel.Load(
        QualityModel.FindDefaultPath() ?? throw new InvalidOperationException("models/quality.model is missing.")));

    [Fact]
    public void Lines_scored_in_one_batch_get_the_bits_of_one_line_at_a_time()
    {
        // Clean, titled and junk-laden texts: the batched first-stage and junk scores, and the unrelated scores, must
        // equal the one-row probabilities bit for bit.
        var model = Analyzer.Model;
        var texts = new[]
        {
            QualityArticles.Join(QualityArticles.Bridge),
            QualityArticles.Join(QualityArticles.SeedBank.Concat(["Click here to subscribe!!!", "Share on Facebook | Twitter | Email", "© 2024 All rights reserved."])),
            QualityArticles.Join(["# Council backs steel bridge over the Alder", .. QualityArticles.Bridge, "cheap pills buy now best price www.example.com"]),
        };
        foreach (var text in texts)
        {
            var scratch = QualityScratch.Rent();
            try
            {
                scratch.Idf = model.Idf;
                scratch.Vectors = model.Vectors;
                scratch.Lexicon = model.Lexicon;
                var lines = QualityFeatureExtractor.Extract(text, scratch, out _);
                Assert.True(lines > 0);
                QualityAnalyzer.ScoreLines(scratch, lines, model);
                for (var li = 0; li < lines; li++)
                {
                    var row = scratch.Rows.AsSpan(li * QualityFeatures.Count, QualityFeatures.Count);
                    var junk = (float)model.Junk.Probability(row);
                    Assert.Equal(BitConverter.SingleToInt32Bits(junk), BitConverter.SingleToInt32Bits(scratch.Junk[li]));
                    var unrelated = junk >= QualityAnalyzer.UnrelatedCandidate ? (float)model.Unrelated.Probability(row) : 0f;
                    Assert.Equal(BitConverter.SingleToInt32Bits(unrelated), BitConverter.SingleToInt32Bits(scratch.Unrelated[li]));
                }

                if (model.FirstJunk is not null)
                {
                    // The first stage wrote its outputs into the rows' context columns; recompute them one row at a time.
                    var first = new float[lines];
                    for (var li = 0; li < lines; li++)
                    {
                        first[li] = (float)model.FirstJunk.Probability(scratch.Rows.AsSpan(li * QualityFeatures.Count, QualityFeatures.Count));
                    }

                    QualityAnalyzer.ScoreFirstStage(scratch, lines, model);
                    for (var li = 0; li < lines; li++)
                    {
                        Assert.Equal(BitConverter.SingleToInt32Bits(first[li]), BitConverter.SingleToInt32Bits(scratch.Junk[li]));
                    }
                }
            }
            finally
            {
                QualityScratch.Return(scratch);
            }
        }
    }

    [Fact]
    public void Clean_articles_get_no_flags_and_lose_no_lines()
    {
        foreach (var article in new[] { QualityArticles.Bridge, QualityArticles.SeedBank })
        {
            var text = QualityArticles.Join(article);
            var result = Analyzer.Analyze(text);
            Assert.Equal(QualityFlags.None, result.Flags);
            Assert.Empty(result.JunkLines);
            Assert.Equal(text, result.Clean(text).Text);
            Assert.True(result.Quality > 0.5, $"quality {result.Quality}");
        }
    }

    [Theory]
    [InlineData("Millbrook council votes to rebuild the Alder River footbridge", null)]
    [InlineData("# Millbrook Council Votes to Rebuild Footbridge", null)]
    [InlineData("# Council backs steel bridge over the Alder", "The new crossing will cost twice as much as a repair but should last fifty years.")]
    public void A_titled_clean_article_keeps_its_title_and_gets_no_flags(string title, string? standfirst)
    {
        var head = standfirst is null ? new[] { title } : [title, standfirst];
        var text = QualityArticles.Join(head.Concat(QualityArticles.Bridge));
        var result = Analyzer.Analyze(text);
        Assert.Equal(QualityFlags.None, result.Flags);
        Assert.Empty(result.JunkLines);
        Assert.StartsWith(title + "\n", result.Clean(text).Text, StringComparison.Ordinal);
        Assert.True(result.Quality > 0.5, $"quality {result.Quality}");
    }

    [Fact]
    public void A_related_story_line_between_paragraphs_of_a_titled_article_is_still_removed()
    {
        const string Title = "# Seed bank grows wheat from forty-year-old seeds";
        var related = QualityArticles.Boilerplate[2];
        var text = QualityArticles.WithInserted([Title, .. QualityArticles.SeedBank], (3, related));
        var result = Analyzer.Analyze(text);
        var clean = result.Clean(text).Text;
        Assert.StartsWith(Title + "\n", clean, StringComparison.Ordinal);
        Assert.DoesNotContain(related, clean, StringComparison.Ordinal);
        Assert.True(result.Flags.HasFlag(QualityFlags.Boilerplate), string.Join(",", result.FlagNames));
    }

    [Fact]
    public void Boilerplate_glued_to_a_paragraph_without_a_blank_line_is_removed_and_the_title_and_article_kept()
    {
        // Scraped pages often drop the blank line between a paragraph and the furniture next to it: a byline under
        // the title, a related-story link under a paragraph, a gallery prompt above a photo caption (the caption, which
        // describes the article's subject, is not asserted either way).
        const string Title = "Riverside council approves new library wing";
        const string Byline = "By Margaret Holloway, Staff Reporter";
        const string ReadMore = "Read more: City plans to repave Main Street before the winter";
        const string Gallery = "Open this photo in gallery:";
        const string Caption = "The library's current reading room, which has not been renovated since the building opened in 1974.";
        var article = QualityArticles.Library;
        var text = $"{Title}\n{Byline}\n\n{article[0]}\n{ReadMore}\n\n{article[1]}\n\n{Gallery}\n{Caption}\n\n{article[2]}\n\n{article[3]}\n";
        var result = Analyzer.Analyze(text);
        var clean = result.Clean(text).Text;

        Assert.StartsWith(Title + "\n", clean, StringComparison.Ordinal);
        foreach (var paragraph in article)
        {
            Assert.Contains(paragraph, clean, StringComparison.Ordinal);
        }

        // Only the lines are asserted: the boilerplate flag needs one line at the flag threshold's certainty (0.98
        // in the shipped model), which glued lines do not always reach.
        foreach (var junk in new[] { Byline, ReadMore, Gallery })
        {
            Assert.DoesNotContain(junk, clean, StringComparison.Ordinal);
        }

        Assert.Contains(result.JunkLines, line => line.Reason == JunkReason.Boilerplate);
    }

    [Fact]
    public void Inserted_boilerplate_lines_are_removed_and_the_article_is_kept()
    {
        var junk = QualityArticles.Boilerplate;
        var text = QualityArticles.WithInserted(
            QualityArticles.Bridge,
            (0, junk[5]), (1, junk[0]), (2, junk[3]), (2, junk[4]), (4, junk[2]), (8, junk[1]), (8, junk[6]));
        var result = Analyzer.Analyze(text);
        var clean = result.Clean(text).Text;

        foreach (var paragraph in QualityArticles.Bridge)
        {
            Assert.Contains(paragraph, clean, StringComparison.Ordinal);
        }

        foreach (var line in junk)
        {
            Assert.DoesNotContain(line + "\n", clean, StringComparison.Ordinal);
        }

        Assert.True(result.Flags.HasFlag(QualityFlags.Boilerplate), string.Join(",", result.FlagNames));
        Assert.True(result.Quality < 0.5, $"quality {result.Quality}");
    }

    [Fact]
    public void An_appended_block_of_unrelated_headlines_is_flagged_and_removed()
    {
        var text = QualityArticles.Join(QualityArticles.SeedBank.Concat(QualityArticles.SportsHeadlines));
        var result = Analyzer.Analyze(text);
        Assert.True(result.Flags.HasFlag(QualityFlags.AppendedUnrelated), string.Join(",", result.FlagNames));
        var clean = result.Clean(text).Text;
        Assert.DoesNotContain("Goalkeeper", clean, StringComparison.Ordinal);
        Assert.Contains(QualityArticles.SeedBank[^1], clean, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_unrelated_word_minimum_the_appended_model_alone_decides_the_flag()
    {
        // A clean article: no line is removed as unrelated. A zero appended threshold makes the model's side of the
        // decision always true, so only the word minimum can hold the flag back.
        var text = QualityArticles.Join(QualityArticles.Bridge);
        var thresholds = Analyzer.Model.Thresholds with { AppendedFlag = 0 };
        var gated = new QualityAnalyzer(Analyzer.Model.With(thresholds with { UnrelatedMinimumWords = 6 })).Analyze(text);
        var ungated = new QualityAnalyzer(Analyzer.Model.With(thresholds with { UnrelatedMinimumWords = 0 })).Analyze(text);

        Assert.False(gated.Flags.HasFlag(QualityFlags.AppendedUnrelated), string.Join(",", gated.FlagNames));
        Assert.True(ungated.Flags.HasFlag(QualityFlags.AppendedUnrelated), string.Join(",", ungated.FlagNames));
        Assert.Empty(ungated.JunkLines);
    }

    [Fact]
    public void Mangled_urls_are_flagged_and_their_line_removed()
    {
        const string Mangled = "https :// twitter.com/ millbrookcouncil/ status/ 13089170074 3848345 7? s= 20";
        var text = QualityArticles.WithInserted(QualityArticles.Bridge, (3, Mangled));
        var result = Analyzer.Analyze(text);
        Assert.True(result.Flags.HasFlag(QualityFlags.MangledUrls));
        Assert.Contains(result.JunkLines, j => text.Substring(j.Start, j.Length) == Mangled && j.Reason == JunkReason.MangledUrl);
    }

    [Fact]
    public void Mojibake_is_flagged_as_garbled()
    {
        var typeset = QualityArticles.Join(QualityArticles.SeedBank).Replace("'", "\u2019", StringComparison.Ordinal)
            .Replace("\"", "\u201C", StringComparison.Ordinal).Replace("director", "directorâ€™s café", StringComparison.Ordinal);
        var broken = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(typeset));
        var result = Analyzer.Analyze(broken);
        Assert.True(result.Flags.HasFlag(QualityFlags.Garbled), string.Join(",", result.FlagNames));
    }

    [Fact]
    public void A_repeated_paragraph_is_flagged_and_its_second_copy_removed()
    {
        var text = QualityArticles.WithInserted(QualityArticles.Bridge, (5, QualityArticles.Bridge[2]));
        var result = Analyzer.Analyze(text);
        Assert.True(result.Flags.HasFlag(QualityFlags.RepeatedLines));
        var clean = result.Clean(text).Text;
        var first = clean.IndexOf(QualityArticles.Bridge[2], StringComparison.Ordinal);
        Assert.True(first >= 0);
        Assert.Equal(-1, clean.IndexOf(QualityArticles.Bridge[2], first + 1, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_text_is_too_short()
    {
        var result = Analyzer.Analyze("The footbridge over the Alder River will reopen in June.");
        Assert.True(result.Flags.HasFlag(QualityFlags.TooShort));
        Assert.False(Analyzer.Analyze(QualityArticles.Join(QualityArticles.Bridge)).Flags.HasFlag(QualityFlags.TooShort));
    }

    [Fact]
    public void Text_with_shuffled_letters_is_not_english()
    {
        // Every word's letters reversed or shuffled: English letters, no English words.
        var random = new Random(3);
        var shuffled = System.Text.RegularExpressions.Regex.Replace(
            QualityArticles.Join(QualityArticles.Bridge),
            "[A-Za-z]{2,}",
            m =>
            {
                var letters = m.Value.ToLowerInvariant().ToCharArray();
                do
                {
                    random.Shuffle(letters);
                }
                while (letters.Length > 2 && new string(letters) == m.Value.ToLowerInvariant());

                return letters.Length == 2 ? new string([letters[1], letters[0]]) : new string(letters);
            });

        var result = Analyzer.Analyze(shuffled);
        Assert.True(result.Flags.HasFlag(QualityFlags.NotEnglish), string.Join(",", result.FlagNames));
    }

    [Fact]
    public void Clean_text_offsets_map_back_to_the_same_characters()
    {
        var text = QualityArticles.WithInserted(QualityArticles.SeedBank, (1, "Advertisement"), (3, "Share this article"));
        var result = Analyzer.Analyze(text);
        var clean = result.Clean(text);
        Assert.NotEqual(text, clean.Text);
        for (var i = 0; i < clean.Text.Length; i++)
        {
            if (clean.Text[i] != '\n')
            {
                Assert.Equal(clean.Text[i], text[clean.ToSourceOffset(i)]);
            }
        }
    }

    [Fact]
    public void Empty_and_blank_texts_are_too_short_with_zero_quality()
    {
        foreach (var text in new[] { "", "   ", "\n\n\r\n" })
        {
            var result = Analyzer.Analyze(text);
            Assert.Equal(0, result.Quality);
            Assert.True(result.Flags.HasFlag(QualityFlags.TooShort));
            Assert.Empty(result.JunkLines);
        }
    }

    [Fact]
    public void Results_are_the_same_from_many_threads()
    {
        var text = QualityArticles.WithInserted(QualityArticles.Bridge, (2, "Advertisement"));
        var expected = Analyzer.Analyze(text);
        var results = new QualityResult[64];
        Parallel.For(0, results.Length, i => results[i] = Analyzer.Analyze(text));
        Assert.All(results, r =>
        {
            Assert.Equal(expected.Quality, r.Quality);
            Assert.Equal(expected.Flags, r.Flags);
            Assert.Equal(expected.JunkLines, r.JunkLines);
        });
    }
}
