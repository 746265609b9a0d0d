using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class CorpusSourcesTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("spindetect-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private CorpusSources WithRequiredSources()
    {
        var sources = new CorpusSources(_cache);
        Directory.CreateDirectory(sources.Sotu);
        File.WriteAllText(
            Path.Combine(sources.Sotu, "2001_Example_X.txt"),
            "Mister Speaker, the harbour bridge is finished and the ferries run on time. We will keep it that way.\n");
        Directory.CreateDirectory(sources.Brown);
        File.WriteAllText(Path.Combine(sources.Brown, "cats.txt"), "cf01 lore\n");
        File.WriteAllText(Path.Combine(sources.Brown, "cf01"), "\n\n\tOne/cd line/nn ./.\n");
        return sources;
    }

    [Fact]
    public void A_missing_hard_negative_source_fails_the_read_and_names_it_and_the_way_out()
    {
        var sources = WithRequiredSources();

        var e = Assert.Throws<FileNotFoundException>(() => sources.ReadDocuments());

        Assert.Contains(sources.DebianReference, e.Message, StringComparison.Ordinal);
        Assert.Contains("data/fetch.sh", e.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-partial", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_allow_partial_each_missing_source_is_a_warning_and_the_rest_is_read()
    {
        var sources = WithRequiredSources();
        var warnings = new List<string>();

        var documents = sources.ReadDocuments(allowPartial: true, warnings.Add);

        Assert.Contains(documents, d => d.Id == "brown/cf01");
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains(sources.PythonDocs, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(sources.Austen, StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_speech_folder_is_an_error_not_a_corpus_without_speeches()
    {
        var sources = WithRequiredSources();
        File.Delete(Path.Combine(sources.Sotu, "2001_Example_X.txt"));

        var e = Assert.Throws<InvalidDataException>(() => sources.ReadDocuments(allowPartial: true));

        Assert.Contains(sources.Sotu, e.Message, StringComparison.Ordinal);
        Assert.Contains("no speeches", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_language_model_fails_unless_partial_builds_are_allowed()
    {
        var sources = new CorpusSources(_cache);
        string[] texts = ["the ferry runs on time and the ferry is full"];
        var warnings = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() => sources.ReadFrequencies(texts, allowPartial: false, warnings.Add));
        var frequencies = sources.ReadFrequencies(texts, allowPartial: true, warnings.Add);

        Assert.Contains(sources.LanguageModel, e.Message, StringComparison.Ordinal);
        Assert.Contains(sources.LanguageModel, Assert.Single(warnings), StringComparison.Ordinal);
        Assert.True(frequencies.Rank("ferry") < frequencies.Rank("full"));
    }
}
