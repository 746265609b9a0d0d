using System.Text;
using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;
using static SpinDetect.Tests.Resources.SphinxTrieWriter;

namespace SpinDetect.Tests.Resources;

public sealed class EmbeddingsBuilderTests : IDisposable
{
    /// <summary>The package layout in miniature: 4 dimensions, each vector followed by its norm and rank; an escaped key.</summary>
    private const string Source = """
        {"precision":8,"l2NormIndex":4,"wordIndex":5,"size":6,"dimensions":4,
         "words":["the","bag","it","purse","\"q","zebra"],
         "vectors":{"the":[1,0,0,0,1,0],"bag":[0,3,4,0,5,1],"it":[0,0,0,2,2,2],"purse":[0,-3,4,0,5,3],
                    "\"q":[1,1,1,1,2,4],"zebra":[0,0,0,0,0,5]},
         "unkVector":[0,0,0,0,0,-1]}
        """;

    private static readonly string[] Vocabulary = ["</s>", "<s>", "\"q", "absent", "bag", "it", "it's", "purse", "the", "zebra"];

    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-embeddings-build-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WinkEmbeddingsReader.Result ReadSource(string json, IReadOnlySet<string> wanted, int window = 1 << 20) =>
        WinkEmbeddingsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "fixture.json", wanted, window);

    private ReferenceLexicon FixtureLexicon()
    {
        var unigrams = Vocabulary.Select((w, i) => new Unigram(w, -1f - (i * 0.25f), 0f)).ToArray();
        int start = Array.IndexOf(Vocabulary, "<s>"), the = Array.IndexOf(Vocabulary, "the"), bag = Array.IndexOf(Vocabulary, "bag");
        Bigram[] bigrams = [new(start, the, -0.5f, -0.25f), new(the, bag, -1.5f, -0.5f)];
        Trigram[] trigrams = [new(start, the, bag, -1f)];
        var model = SphinxTrieLanguageModel.Read(Write(unigrams, bigrams, trigrams), "fixture.lm.bin");
        var (data, _) = LexiconBuilder.Build(model, MobyThesaurus.Read(new StringReader(ResourceFixtures.Moby), "moby"), ResourceFixtures.Morphology);
        var path = Path.Combine(_directory, "lexicon.bin");
        LexiconFile.Write(data, path);
        return ReferenceLexicon.Load(path);
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(16)]
    [InlineData(37)]
    public void Reader_keeps_only_wanted_words_and_unescapes_keys_whatever_the_window(int window)
    {
        var result = ReadSource(Source, new HashSet<string> { "bag", "\"q", "nothere" }, window);
        Assert.Equal(4, result.Dimensions);
        Assert.Equal(6, result.SourceWords);
        Assert.Equal(["\"q", "bag"], result.Vectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0f, 3f, 4f, 0f], result.Vectors["bag"]);
        Assert.Equal([1f, 1f, 1f, 1f], result.Vectors["\"q"]);
    }

    [Theory]
    [InlineData("\"bag\":[0,3,4,0,5,1]", "\"bag\":[0,3,4,0,5]", "5 numbers for \"bag\"")]
    [InlineData("\"dimensions\":4,", "", "before a positive \"dimensions\"")]
    [InlineData("\"unkVector\":[0,0,0,0,0,-1]}", "\"unkVector\":[0,0,", "not valid JSON")]
    [InlineData("\"vectors\":", "\"vectorz\":", "no \"vectors\" object")]
    public void Reader_reports_a_malformed_source_with_its_name(string replace, string with, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadSource(Source.Replace(replace, with, StringComparison.Ordinal), new HashSet<string> { "bag" }));
        Assert.Contains("fixture.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it's", "it")]
    [InlineData("didn't", "did")]
    [InlineData("can't", "can")]
    [InlineData("won't", "will")]
    [InlineData("world's", "world")]
    [InlineData("parents'", "parents")]
    [InlineData("you're", "you")]
    [InlineData("ain't", null)]
    [InlineData("o'clock", null)]
    [InlineData("'em", null)]
    [InlineData("bag", null)]
    public void Clitic_forms_borrow_their_host_word(string word, string? host) =>
        Assert.Equal(host, EmbeddingsBuilder.CliticHost(word));

    [Fact]
    public void Quantisation_scales_the_unit_vector_so_the_largest_component_is_127()
    {
        var destination = new sbyte[4];
        Assert.True(EmbeddingsBuilder.Quantise([0f, 3f, -4f, 0f], destination));
        // Unit vector (0, 0.6, −0.8, 0); 0.6 · 127 / 0.8 = 95.25.
        Assert.Equal([0, 95, -127, 0], destination);
        destination[0] = 5;
        Assert.False(EmbeddingsBuilder.Quantise([0f, 0f, 0f, 0f], destination));
        Assert.Equal(new sbyte[4], destination);
    }

    [Fact]
    public void Built_embeddings_follow_lexicon_ids_and_load_back()
    {
        var lexicon = FixtureLexicon();
        var source = ReadSource(Source, EmbeddingsBuilder.Vocabulary(lexicon));
        var (vectors, statistics) = EmbeddingsBuilder.Build(lexicon, source);
        var path = Path.Combine(_directory, "embeddings.bin");
        EmbeddingsFile.Write(path, source.Dimensions, EmbeddingsFile.VocabularyHash(lexicon), vectors);
        var first = File.ReadAllBytes(path);
        EmbeddingsFile.Write(path, source.Dimensions, EmbeddingsFile.VocabularyHash(lexicon), EmbeddingsBuilder.Build(lexicon, source).Vectors);
        Assert.Equal(first, File.ReadAllBytes(path));

        var embeddings = WordEmbeddings.Load(path, lexicon);
        int bag = lexicon.GetId("bag"), purse = lexicon.GetId("purse"), it = lexicon.GetId("it"), its = lexicon.GetId("it's");
        Assert.Equal([0, 95, 127, 0], embeddings.Vector(bag).ToArray());
        Assert.Equal(embeddings.Vector(it).ToArray(), embeddings.Vector(its).ToArray());
        // cos((0,3,4,0), (0,−3,4,0)) = 7/25; quantised (0,±95,127,0) gives 7104/25154.
        Assert.Equal(0.28f, embeddings.Cosine(bag, purse), 0.005f);
        foreach (var missing in new[] { "</s>", "<s>", "absent", "zebra" })
        {
            Assert.False(embeddings.Has(lexicon.GetId(missing)), missing);
        }

        Assert.Equal(10, statistics.Words);
        Assert.Equal(6, statistics.WordsWithVector); // "q, bag, it, it's, purse, the
        Assert.Equal(1, statistics.WordsWithHostVector);
        Assert.InRange(statistics.MeanCosineError, 0, 0.01);
    }

    [CacheFact(EmbeddingsBuilder.SourcePath)]
    public void Committed_asset_is_reproduced_by_a_fresh_build()
    {
        var cache = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(CacheFactAttribute.CachePath(EmbeddingsBuilder.SourcePath))))!;
        var models = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(cache))!, "models");
        var output = Path.Combine(_directory, "embeddings.bin");
        var statistics = EmbeddingsBuilder.BuildFromCache(cache, Path.Combine(models, "lexicon.bin"), output);
        Assert.InRange(statistics.Coverage, 0.95, 1.0);
        Assert.Equal(File.ReadAllBytes(Path.Combine(models, "embeddings.bin")), File.ReadAllBytes(output));
    }
}
