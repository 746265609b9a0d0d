using SpinDetect.Quality;
using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class DocumentCorruptorTests
{
    [Fact]
    public void Every_generated_document_has_one_label_per_extracted_line()
    {
        var scratch = new QualityScratch();
        foreach (var side in new[] { QualityFixture.Training, QualityFixture.HeldOut })
        {
            foreach (var document in QualityDataset.Generate(side, new CorruptionOptions(), 300, seed: 11))
            {
                Assert.Equal(document.Lines.Length, QualityDataset.Extract(document, scratch));
            }
        }
    }

    [Fact]
    public void Generation_is_reproducible_from_the_seed()
    {
        var first = QualityDataset.Generate(QualityFixture.Training, new CorruptionOptions(), 40, seed: 5);
        var second = QualityDataset.Generate(QualityFixture.Training, new CorruptionOptions(), 40, seed: 5);
        Assert.Equal(first.Select(d => d.Text), second.Select(d => d.Text));
        Assert.NotEqual(first.Select(d => d.Text), QualityDataset.Generate(QualityFixture.Training, new CorruptionOptions(), 40, seed: 6).Select(d => d.Text));
    }

    [Fact]
    public void Clean_documents_contain_only_article_lines_and_corrupted_ones_say_what_was_done()
    {
        var documents = QualityDataset.Generate(QualityFixture.Training, new CorruptionOptions(), 200, seed: 3);
        Assert.Contains(documents, d => d.IsClean);
        Assert.All(documents.Where(d => d.IsClean), d => Assert.All(d.Lines, k => Assert.Equal(LineKind.Article, k)));
        foreach (var document in documents.Where(d => d.Expected.HasFlag(QualityFlags.AppendedUnrelated)))
        {
            Assert.Contains(LineKind.Unrelated, document.Lines);
        }

        foreach (var document in documents.Where(d => d.Expected.HasFlag(QualityFlags.MangledUrls)))
        {
            Assert.Contains(LineKind.Mangled, document.Lines);
        }
    }

    [Fact]
    public void Titles_open_documents_as_article_lines_and_inline_headlines_stay_junk_after_the_first_paragraph()
    {
        foreach (var side in new[] { QualityFixture.Training, QualityFixture.HeldOut })
        {
            var titled = new CorruptionOptions { Titled = 1, Clean = 0, NotEnglish = 0, TooShort = 0, Boilerplate = 0, Unrelated = 0, Mangled = 0, Garbled = 0, Repeated = 0, Mojibake = 0, InlineHeadlines = 1 };
            var documents = QualityDataset.Generate(side, titled, 150, seed: 8);
            Assert.All(documents, d => Assert.Contains("titled", d.Recipe, StringComparison.Ordinal));
            foreach (var document in documents)
            {
                var lines = document.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var paragraphs = side.Articles.SelectMany(a => a.Paragraphs).ToHashSet();

                // The first line is the title: labelled article, not a paragraph of the article.
                Assert.Equal(LineKind.Article, document.Lines[0]);
                Assert.DoesNotContain(lines[0], paragraphs);

                // Inline headlines come after the title block and the first article paragraph.
                var firstJunk = Array.FindIndex(document.Lines, k => k != LineKind.Article);
                Assert.True(firstJunk >= 2, document.Text);
                Assert.Contains(LineKind.Article, document.Lines[1..firstJunk]);
            }

            Assert.Contains(documents, d => d.Text.StartsWith("# ", StringComparison.Ordinal));
            Assert.Contains(documents, d => !d.Text.StartsWith('#'));

            // Clean documents get titles too, and every line of them is article text.
            var clean = QualityDataset.Generate(side, new CorruptionOptions { Titled = 1, Clean = 1 }, 60, seed: 8);
            Assert.All(clean, d => Assert.Contains("titled", d.Recipe, StringComparison.Ordinal));
            Assert.All(clean.Where(d => d.IsClean), d => Assert.All(d.Lines, k => Assert.Equal(LineKind.Article, k)));
        }

        // By default a good share of documents, not all, are titled.
        var share = QualityDataset.Generate(QualityFixture.Training, new CorruptionOptions(), 300, seed: 4).Count(d => d.Recipe.Contains("titled", StringComparison.Ordinal)) / 300.0;
        Assert.InRange(share, 0.2, 0.6);
    }

    [Fact]
    public void Balanced_foreign_sources_change_only_the_training_side()
    {
        var balanced = new CorruptionOptions();
        var plain = balanced with { BalanceForeignSources = false };
        Assert.True(balanced.BalanceForeignSources);

        // The held-out side (the test split) is generated exactly as before whatever the option says.
        Assert.Equal(
            QualityDataset.Generate(QualityFixture.HeldOut, plain, 60, seed: 9).Select(d => d.Text),
            QualityDataset.Generate(QualityFixture.HeldOut, balanced, 60, seed: 9).Select(d => d.Text));

        // On the training side a corpus of one document ("comet/…") is drawn as often as a corpus of many.
        var library = Enumerable.Range(0, 12).Select(i => new QualityDocument($"shelf/{i}", [$"Shelf {i} holds the atlases and old maps of the county."])).ToList();
        var side = new QualitySide(
            false,
            QualityFixture.Training.Articles,
            [.. library, new QualityDocument("comet/1", ["A bright comet crossed the evening sky above the hills."])]);
        int Comets(CorruptionOptions options) => QualityDataset.Generate(side, options with { Clean = 0, Unrelated = 1 }, 300, seed: 4)
            .Count(d => d.Text.Contains("comet", StringComparison.OrdinalIgnoreCase));
        Assert.True(Comets(balanced) > 2 * Comets(plain), $"{Comets(balanced)} vs {Comets(plain)}");
    }

    [Fact]
    public void Tuning_boilerplate_families_stay_out_of_the_line_model_documents()
    {
        var tuning = BoilerplateTemplates.Families.Where(f => f.ForTuning).ToList();
        Assert.NotEmpty(tuning);
        Assert.All(tuning, f => Assert.False(f.HeldOut));
        var tuningOnly = tuning.SelectMany(f => f.Patterns).Where(p => !p.Contains('{'))
            .Except(BoilerplateTemplates.Families.Where(f => !f.ForTuning).SelectMany(f => f.Patterns), StringComparer.OrdinalIgnoreCase)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(tuningOnly);

        static bool HasTuningLine(IEnumerable<LabeledDocument> documents, HashSet<string> lines) => documents.Any(d =>
            d.Text.Split('\n').Select(l => l.Trim().TrimStart('•', '—', '>', '|', '»', '-', '*', ' ')).Any(lines.Contains));
        var options = new CorruptionOptions { Clean = 0, Boilerplate = 1 };
        Assert.False(HasTuningLine(QualityDataset.Generate(QualityFixture.Training, options, 400, seed: 2), tuningOnly));
        Assert.True(HasTuningLine(QualityDataset.Generate(QualityFixture.Training, options with { TuningBoilerplate = true }, 400, seed: 2), tuningOnly));

        // The held-out side ignores the option.
        Assert.Equal(
            QualityDataset.Generate(QualityFixture.HeldOut, options, 50, seed: 2).Select(d => d.Text),
            QualityDataset.Generate(QualityFixture.HeldOut, options with { TuningBoilerplate = true }, 50, seed: 2).Select(d => d.Text));
    }

    [Fact]
    public void Held_out_boilerplate_families_share_no_template_with_training_families()
    {
        var training = BoilerplateTemplates.Families.Where(f => !f.HeldOut).SelectMany(f => f.Patterns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var heldOut = BoilerplateTemplates.Families.Where(f => f.HeldOut).SelectMany(f => f.Patterns).ToList();
        Assert.NotEmpty(heldOut);
        Assert.DoesNotContain(heldOut, training.Contains);

        // Every kind of page furniture has a family on each side.
        var kinds = BoilerplateTemplates.Families.GroupBy(f => f.Name[..f.Name.LastIndexOf('-')]);
        Assert.All(kinds, kind => Assert.Equal(2, kind.Select(f => f.HeldOut).Distinct().Count()));
    }
}
