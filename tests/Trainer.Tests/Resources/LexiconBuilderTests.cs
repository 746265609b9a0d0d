using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;
using static SpinDetect.Tests.Resources.SphinxTrieWriter;

namespace SpinDetect.Tests.Resources;

public sealed class LexiconBuilderTests : IDisposable
{
    private static readonly string[] Vocabulary =
    [
        "</s>", "<s>", "bag", "employ", "employee", "employees", "employs", "hand", "hands", "hire", "hires",
        "of", "out", "purse", "sign", "signed", "the", "worker", "workers", "write", "wrote", "employed", "hired",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-lexicon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Id(string word) => Array.IndexOf(Vocabulary, word);

    private static SphinxTrieLanguageModel FixtureModel()
    {
        var unigrams = Vocabulary.Select((w, i) => new Unigram(w, -1f - (i * 0.125f), -0.0625f * (i % 4))).ToArray();
        Bigram[] bigrams =
        [
            new(Id("the"), Id("bag"), -1.5f, -0.25f), new(Id("the"), Id("purse"), -2.5f, -0.5f),
            new(Id("of"), Id("the"), -0.5f, -0.75f), new(Id("out"), Id("of"), -0.25f, -0.125f),
            new(Id("the"), Id("employees"), -2f, -0.375f), new(Id("<s>"), Id("the"), -1f, -0.25f),
        ];
        Trigram[] trigrams = [new(Id("of"), Id("the"), Id("bag"), -1f), new(Id("out"), Id("of"), Id("the"), -0.125f)];
        return SphinxTrieLanguageModel.Read(Write(unigrams, bigrams, trigrams), "fixture.lm.bin");
    }

    private static (LexiconData Data, LexiconBuildStatistics Statistics) BuildFixture() =>
        LexiconBuilder.Build(FixtureModel(), MobyThesaurus.Read(new StringReader(ResourceFixtures.Moby), "moby"), ResourceFixtures.Morphology);

    private ReferenceLexicon WriteAndLoad(LexiconData data)
    {
        var path = Path.Combine(_directory, "lexicon.bin");
        LexiconFile.Write(data, path);
        Assert.False(File.Exists(path + ".tmp"));
        return ReferenceLexicon.Load(path);
    }

    [Fact]
    public void Built_lexicon_gives_the_model_answers_after_a_file_round_trip()
    {
        var model = FixtureModel();
        var lexicon = WriteAndLoad(BuildFixture().Data);
        Assert.Equal(Vocabulary.Length, lexicon.WordCount);
        Assert.Equal(model.BigramCount, lexicon.BigramCount);
        Assert.Equal(model.TrigramCount, lexicon.TrigramCount);
        for (var w1 = 0; w1 < Vocabulary.Length; w1++)
        {
            Assert.Equal(w1, lexicon.GetId(Vocabulary[w1].ToUpperInvariant()));
            Assert.Equal(model.UnigramProb[w1], lexicon.Unigram(w1));
            for (var w2 = 0; w2 < Vocabulary.Length; w2++)
            {
                Assert.Equal(model.FindBigram(w1, w2) >= 0, lexicon.HasBigram(w1, w2));
                Assert.Equal(model.BigramLog10(w1, w2), lexicon.Bigram(w1, w2), 4);
                for (var w3 = 0; w3 < Vocabulary.Length; w3++)
                {
                    Assert.Equal(model.FindTrigram(w1, w2, w3) >= 0, lexicon.HasTrigram(w1, w2, w3));
                    Assert.Equal(model.TrigramLog10(w1, w2, w3), lexicon.Trigram(w1, w2, w3), 4);
                }
            }
        }
    }

    [Fact]
    public void Reverse_synonyms_are_inflected_like_the_observed_word()
    {
        var lexicon = WriteAndLoad(BuildFixture().Data);
        int Get(string w) => lexicon.GetId(w);
        Assert.Contains(Get("employees"), lexicon.ReverseSynonyms(Get("workers")).ToArray());
        Assert.Contains(Get("employees"), lexicon.ReverseSynonyms(Get("hands")).ToArray());
        // "hires": the plural of "hire" (listed under employee) and the 3rd person of "hire" (listed under employ).
        Assert.Contains(Get("employees"), lexicon.ReverseSynonyms(Get("hires")).ToArray());
        Assert.Contains(Get("employs"), lexicon.ReverseSynonyms(Get("hires")).ToArray());
        Assert.Contains(Get("employed"), lexicon.ReverseSynonyms(Get("hired")).ToArray());
        // Irregular substitute: "wrote" (write, past) could have replaced "signed".
        Assert.Contains(Get("signed"), lexicon.ReverseSynonyms(Get("wrote")).ToArray());
        Assert.Contains(Get("bag"), lexicon.ReverseSynonyms(Get("purse")).ToArray());
        Assert.DoesNotContain(Get("employee"), lexicon.ReverseSynonyms(Get("workers")).ToArray());
        Assert.Empty(lexicon.ReverseSynonyms(Get("the")).ToArray());
        for (var w = 0; w < lexicon.WordCount; w++)
        {
            var list = lexicon.ReverseSynonyms(w);
            for (var i = 1; i < list.Length; i++)
            {
                Assert.True(lexicon.Unigram(list[i - 1]) >= lexicon.Unigram(list[i]), "reverse synonyms are most frequent first");
            }
        }
    }

    [Fact]
    public void Morphology_tables_link_forms_and_lemmas_in_id_space()
    {
        var lexicon = WriteAndLoad(BuildFixture().Data);
        int employee = lexicon.GetId("employee"), employees = lexicon.GetId("employees");
        Assert.Equal(employees, lexicon.Inflect(employee, Inflection.Plural));
        Assert.Equal(lexicon.GetId("wrote"), lexicon.Inflect(lexicon.GetId("write"), Inflection.Past));
        Assert.Equal(-1, lexicon.Inflect(employee, Inflection.Past));
        var analyses = new List<LexiconAnalysis>();
        foreach (var analysis in lexicon.Analyses(employees))
        {
            analyses.Add(analysis);
        }

        Assert.Equal([new LexiconAnalysis(employee, PartsOfSpeech.Noun, Inflection.Plural)], analyses);
        Assert.Equal(PartsOfSpeech.Noun | PartsOfSpeech.Verb, lexicon.PartsOfSpeechOf(lexicon.GetId("hires")));
        Assert.Equal(PartsOfSpeech.None, lexicon.LemmaPartsOfSpeech(lexicon.GetId("hires")));
        Assert.Equal(ResourceFixtures.Morphology.LemmaCount, lexicon.Morphology.LemmaCount);
        Assert.Equal("began", lexicon.Morphology.Inflect("begin", Inflection.Past));
    }

    [Fact]
    public void Building_twice_gives_identical_bytes()
    {
        static byte[] Bytes()
        {
            using var stream = new MemoryStream();
            LexiconFile.Write(BuildFixture().Data, stream);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(), Bytes());
    }

    [Fact]
    public void Statistics_count_what_was_built()
    {
        var (data, statistics) = BuildFixture();
        Assert.Equal(Vocabulary.Length, statistics.Words);
        Assert.Equal(data.ReverseIds.Length, statistics.ReverseLinks);
        Assert.Equal(0, statistics.DroppedTrigrams);
        Assert.InRange(statistics.CoverageHits, 1, statistics.CoverageSample);
        Assert.Equal(0f, statistics.MaxBigramQuantisationError);
    }
}
