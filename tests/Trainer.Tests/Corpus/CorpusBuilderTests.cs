using SpinDetect.Tests.Resources;
using SpinDetect.Tests.Spinning;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Corpus;

public sealed class CorpusBuilderTests
{
    private const string WordNetData = """
        00000010 04 n 03 employee 0 worker 0 hand 1 000 | gloss
        00000020 04 n 02 bag 0 purse 0 000 | gloss
        00000040 00 a 03 big 0 large 0 great 0 000 | gloss
        00000050 04 n 03 company 0 firm 0 business 0 000 | gloss
        00000060 04 n 02 city 0 town 0 000 | gloss
        """;

    private static readonly CorpusOptions Options = new()
    {
        Seed = 5, TrainShare = 0.5, ValidationShare = 0.25, MinWords = 50, MaxWords = 300, MaxOriginals = 0,
    };

    private static List<SourceDocument> Documents() =>
    [
        .. Enumerable.Range(0, 24).Select(i => new SourceDocument(
            $"brown/c{i:D2}", "brown", i % 2 == 0 ? "news" : "fiction", $"brown/c{i:D2}", SpinnerFixtures.LongText)),
        .. Enumerable.Range(0, 6).Select(i => new SourceDocument(
            $"sotu/{1990 + i}", "sotu", "speech-modern", $"sotu/{1990 + i}", SpinnerFixtures.LongText + "\n\n" + SpinnerFixtures.LongText, Weight: 2)),
    ];

    private static CorpusBuild Build(CorpusOptions? options = null)
    {
        var wordnet = new Spinner(
            WordNetSynonyms.Read([(new StringReader(WordNetData), "data.noun")]), ResourceFixtures.Morphology, SpinnerFixtures.Frequencies);
        return new CorpusBuilder(SpinnerFixtures.Spinner, wordnet, options ?? Options).Build(Documents());
    }

    [Fact]
    public void No_source_document_contributes_to_two_splits()
    {
        var build = Build();
        var splitOfDocument = new Dictionary<string, string>();
        foreach (var record in build.Records)
        {
            if (splitOfDocument.TryGetValue(record.Document, out var split))
            {
                Assert.Equal(split, record.Split);
            }
            else
            {
                splitOfDocument[record.Document] = record.Split;
            }
        }

        Assert.Equal(3, splitOfDocument.Values.Distinct().Count());
        var originals = build.Records.Where(r => r.Label == 0).ToDictionary(r => r.Id);
        foreach (var spun in build.Records.Where(r => r.Label == 1))
        {
            Assert.Equal(originals[spun.OriginalId].Split, spun.Split);
            Assert.Equal(originals[spun.OriginalId].Document, spun.Document);
        }

        // Identical texts from different documents are allowed only when a document's weight repeats it inside one split.
        foreach (var group in build.Records.Where(r => r.Label == 0).GroupBy(r => r.Document))
        {
            Assert.Single(group.Select(r => r.Split).Distinct());
        }
    }

    [Fact]
    public void Labels_are_balanced_and_every_spun_text_has_a_log_that_replays()
    {
        var build = Build();
        var originals = build.Records.Where(r => r.Label == 0).ToDictionary(r => r.Id);

        Assert.Equal(originals.Count, build.Records.Count(r => r.Label == 1));
        foreach (var spun in build.Records.Where(r => r.Label == 1))
        {
            Assert.Equal("moby", spun.Spinner);
            Assert.NotEmpty(build.Logs[spun.Id]);
            Assert.Equal(spun.Text, SubstitutionLog.Apply(originals[spun.OriginalId].Text, build.Logs[spun.Id]));
        }

        foreach (var clean in originals.Values)
        {
            Assert.InRange(clean.Words, Options.MinWords, Options.MaxWords);
            Assert.Equal("none", clean.Spinner);
        }
    }

    [Fact]
    public void WordNet_texts_come_only_from_test_originals_and_stay_out_of_the_training_corpus()
    {
        var build = Build();

        Assert.DoesNotContain(build.Records, r => r.Spinner == "wordnet");
        Assert.NotEmpty(build.EvaluationRecords);
        Assert.All(build.EvaluationRecords, r => Assert.Equal(CorpusBuilder.Test, r.Split));
        Assert.Contains(build.EvaluationRecords, r => r.Spinner == "wordnet" && r.Choice == "common");
        Assert.Contains(build.EvaluationRecords, r => r.Spinner == "wordnet" && r.Choice == "uniform");
        var testOriginals = build.Records.Where(r => r.Label == 0 && r.Split == CorpusBuilder.Test).Select(r => r.Id).ToHashSet();
        Assert.All(build.EvaluationRecords.Where(r => r.Label == 1), r => Assert.Contains(r.OriginalId, testOriginals));
    }

    [Fact]
    public void WordNet_development_texts_come_only_from_validation_originals_and_stay_apart_from_the_test_set()
    {
        var build = Build();

        Assert.NotEmpty(build.DevelopmentRecords);
        Assert.All(build.DevelopmentRecords, r => Assert.Equal(CorpusBuilder.Validation, r.Split));
        var validationOriginals = build.Records.Where(r => r.Label == 0 && r.Split == CorpusBuilder.Validation).Select(r => r.Id).ToHashSet();
        Assert.All(build.DevelopmentRecords.Where(r => r.Label == 1), r => Assert.Contains(r.OriginalId, validationOriginals));
        Assert.All(build.DevelopmentRecords.Where(r => r.Label == 1), r => Assert.True(build.DevelopmentLogs.ContainsKey(r.Id)));
        Assert.Empty(build.DevelopmentRecords.Select(r => r.Id).Intersect(build.EvaluationRecords.Select(r => r.Id)));
    }

    [Fact]
    public void The_same_seed_builds_the_same_corpus()
    {
        var first = Build();
        var second = Build();

        Assert.Equal(first.Records.Select(r => (r.Id, r.Split, r.Text)), second.Records.Select(r => (r.Id, r.Split, r.Text)));
        Assert.Equal(first.EvaluationRecords.Select(r => r.Text), second.EvaluationRecords.Select(r => r.Text));

        // And the seed is used: another one spins or splits differently.
        var other = Build(Options with { Seed = 6 });
        Assert.NotEqual(first.Records.Select(r => (r.Id, r.Split, r.Text)), other.Records.Select(r => (r.Id, r.Split, r.Text)));
    }

    [Fact]
    public void The_mixture_varies_style_choice_and_subset_across_texts()
    {
        var spun = Build().Records.Where(r => r.Label == 1).ToList();

        Assert.True(spun.Select(r => r.Style).Distinct().Count() >= 3);
        Assert.Equal(2, spun.Select(r => r.Choice).Distinct().Count());
        Assert.Equal(2, spun.Select(r => r.Subset).Distinct().Count());
    }

    [Fact]
    public void A_written_corpus_reads_back_with_its_logs()
    {
        var build = Build();
        var directory = Path.Combine(Path.GetTempPath(), "spindetect-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            build.Write(directory);
            var training = CorpusBuild.Read(directory);
            var full = CorpusBuild.Read(directory, withEvaluation: true);
            var development = CorpusBuild.Read(directory, withEvaluation: true, development: true);

            Assert.Equal(build.Records.Select(r => (r.Id, r.Split, r.Label, r.Text)), training.Records.Select(r => (r.Id, r.Split, r.Label, r.Text)));
            Assert.Empty(training.EvaluationRecords);
            Assert.Empty(training.DevelopmentRecords);
            Assert.Equal(build.EvaluationRecords.Count, full.EvaluationRecords.Count);
            Assert.Empty(full.DevelopmentRecords);
            Assert.Equal(build.DevelopmentRecords.Select(r => (r.Id, r.Text)), development.DevelopmentRecords.Select(r => (r.Id, r.Text)));
            Assert.Equal(build.DevelopmentLogs.Count, development.DevelopmentLogs.Count);
            Assert.Empty(development.EvaluationRecords);

            // Each set needs only its own pair of files.
            File.Delete(Path.Combine(directory, CorpusBuild.EvaluationFile));
            Assert.Equal(development.DevelopmentRecords.Count, CorpusBuild.Read(directory, withEvaluation: true, development: true).DevelopmentRecords.Count);
            File.Delete(Path.Combine(directory, CorpusBuild.DevelopmentLogFile));
            Assert.Throws<FileNotFoundException>(() => CorpusBuild.Read(directory, withEvaluation: true, development: true));
            foreach (var (id, log) in build.Logs)
            {
                Assert.Equal(log, training.Logs[id]);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_corpus_built_without_WordNet_sets_reads_back_as_having_none()
    {
        var build = Build(Options with { WordNetEvaluation = false });
        var directory = Path.Combine(Path.GetTempPath(), "spindetect-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            build.Write(directory);

            var (corpus, evaluation) = SpinDetect.Training.Spin.SpinCorpus.LoadFolderWithEvaluation(directory);
            var (_, development) = SpinDetect.Training.Spin.SpinCorpus.LoadFolderWithEvaluation(directory, development: true);

            Assert.NotEmpty(corpus);
            Assert.Null(evaluation);
            Assert.Null(development);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_evaluation_spinner_may_not_share_the_training_dictionary()
    {
        Assert.Throws<ArgumentException>(() => new CorpusBuilder(SpinnerFixtures.Spinner, SpinnerFixtures.Spinner, Options));
    }
}
