using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;

namespace SpinDetect.Tests.Resources;

public sealed class WordNetMorphologyReaderTests
{
    private static readonly Morphology Morphology = ResourceFixtures.Morphology;

    [Fact]
    public void Index_files_give_parts_of_speech_and_skip_the_licence_preamble()
    {
        Assert.Equal(PartsOfSpeech.Noun | PartsOfSpeech.Verb, Morphology.LemmaPartsOfSpeech("hire"));
        Assert.Equal(PartsOfSpeech.Adjective, Morphology.LemmaPartsOfSpeech("happy"));
        Assert.Equal(PartsOfSpeech.Adverb, Morphology.LemmaPartsOfSpeech("well"));
        Assert.Equal(PartsOfSpeech.None, Morphology.LemmaPartsOfSpeech("This"));
        Assert.Equal(PartsOfSpeech.None, Morphology.LemmaPartsOfSpeech("licence"));
    }

    [Fact]
    public void Underscores_in_lemmas_become_spaces()
    {
        Assert.Equal(PartsOfSpeech.Noun, Morphology.LemmaPartsOfSpeech("staff member"));
        Assert.Equal(PartsOfSpeech.Verb, Morphology.LemmaPartsOfSpeech("take on"));
    }

    [Theory]
    [InlineData("went", "go", nameof(Inflection.Past))]
    [InlineData("gone", "go", nameof(Inflection.PastParticiple))]
    [InlineData("wrote", "write", nameof(Inflection.Past))]
    [InlineData("written", "write", nameof(Inflection.PastParticiple))]
    [InlineData("began", "begin", nameof(Inflection.Past))]
    [InlineData("begun", "begin", nameof(Inflection.PastParticiple))]
    [InlineData("beginning", "begin", nameof(Inflection.PresentParticiple))]
    [InlineData("was", "be", nameof(Inflection.Past))]
    [InlineData("were", "be", nameof(Inflection.Past))]
    [InlineData("been", "be", nameof(Inflection.PastParticiple))]
    [InlineData("is", "be", nameof(Inflection.ThirdPersonSingular))]
    [InlineData("has", "have", nameof(Inflection.ThirdPersonSingular))]
    [InlineData("am", "be", nameof(Inflection.None))]
    [InlineData("took", "take", nameof(Inflection.Past))]
    [InlineData("taken", "take", nameof(Inflection.PastParticiple))]
    public void Irregular_verb_forms_are_classified_by_inflection(string form, string lemma, string inflection)
    {
        Assert.Contains(new WordAnalysis(lemma, PartsOfSpeech.Verb, Enum.Parse<Inflection>(inflection)), Morphology.Analyze(form));
    }

    [Fact]
    public void Adjective_exceptions_split_into_comparatives_and_superlatives()
    {
        Assert.Contains(new WordAnalysis("good", PartsOfSpeech.Adjective, Inflection.Comparative), Morphology.Analyze("better"));
        Assert.Contains(new WordAnalysis("good", PartsOfSpeech.Adjective, Inflection.Superlative), Morphology.Analyze("best"));
        Assert.Contains(new WordAnalysis("well", PartsOfSpeech.Adverb, Inflection.Superlative), Morphology.Analyze("best"));
    }

    [Fact]
    public void Noun_exceptions_with_several_lemmas_give_each_lemma()
    {
        var readings = Morphology.Analyze("axes");
        Assert.Contains(new WordAnalysis("ax", PartsOfSpeech.Noun, Inflection.Plural), readings);
        Assert.Contains(new WordAnalysis("axis", PartsOfSpeech.Noun, Inflection.Plural), readings);
    }

    [Fact]
    public void Irregular_forms_are_generated_from_the_exceptions()
    {
        Assert.Equal("went", Morphology.Inflect("go", Inflection.Past));
        Assert.Equal("gone", Morphology.Inflect("go", Inflection.PastParticiple));
        Assert.Equal("committed", Morphology.Inflect("commit", Inflection.Past));
        Assert.Equal("dying", Morphology.Inflect("die", Inflection.PresentParticiple));
        Assert.Equal("children", Morphology.Inflect("child", Inflection.Plural));
        Assert.Equal("took on", Morphology.Inflect("take on", Inflection.Past));
    }

    [Fact]
    public void A_malformed_exception_line_names_the_source_and_line()
    {
        var irregulars = new List<IrregularForm>();
        var error = Assert.Throws<InvalidDataException>(() =>
            WordNetMorphologyReader.ReadExceptions(new StringReader("went go\nlonely\n"), "verb.exc", PartsOfSpeech.Verb, irregulars));
        Assert.Contains("verb.exc", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var directory = ResourceFixtures.CreateWordNetDirectory();
        try
        {
            File.Delete(Path.Combine(directory, "adj.exc"));
            var error = Assert.Throws<FileNotFoundException>(() => WordNetMorphologyReader.Read(directory));
            Assert.Contains("adj.exc", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
