using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

public sealed class MorphologyTests
{
    private static readonly (string Lemma, PartsOfSpeech Pos)[] Lemmas =
    [
        ("employee", PartsOfSpeech.Noun), ("city", PartsOfSpeech.Noun), ("box", PartsOfSpeech.Noun),
        ("church", PartsOfSpeech.Noun), ("hire", PartsOfSpeech.Noun | PartsOfSpeech.Verb),
        ("stop", PartsOfSpeech.Verb | PartsOfSpeech.Noun), ("try", PartsOfSpeech.Verb), ("see", PartsOfSpeech.Verb),
        ("indicate", PartsOfSpeech.Verb), ("visit", PartsOfSpeech.Verb), ("play", PartsOfSpeech.Verb),
        ("fix", PartsOfSpeech.Verb), ("big", PartsOfSpeech.Adjective), ("happy", PartsOfSpeech.Adjective),
        ("simple", PartsOfSpeech.Adjective), ("fast", PartsOfSpeech.Adjective), ("beautiful", PartsOfSpeech.Adjective),
        ("go", PartsOfSpeech.Verb),
    ];

    private static readonly Morphology Morphology = new(
        Lemmas.Select(l => new KeyValuePair<string, PartsOfSpeech>(l.Lemma, l.Pos)),
        [new IrregularForm("went", "go", PartsOfSpeech.Verb, Inflection.Past)]);

    [Theory]
    [InlineData("employee", nameof(Inflection.Plural), "employees")]
    [InlineData("city", nameof(Inflection.Plural), "cities")]
    [InlineData("box", nameof(Inflection.Plural), "boxes")]
    [InlineData("church", nameof(Inflection.Plural), "churches")]
    [InlineData("try", nameof(Inflection.ThirdPersonSingular), "tries")]
    [InlineData("play", nameof(Inflection.ThirdPersonSingular), "plays")]
    [InlineData("stop", nameof(Inflection.Past), "stopped")]
    [InlineData("visit", nameof(Inflection.Past), "visited")]
    [InlineData("indicate", nameof(Inflection.PastParticiple), "indicated")]
    [InlineData("try", nameof(Inflection.Past), "tried")]
    [InlineData("fix", nameof(Inflection.Past), "fixed")]
    [InlineData("hire", nameof(Inflection.PresentParticiple), "hiring")]
    [InlineData("see", nameof(Inflection.PresentParticiple), "seeing")]
    [InlineData("stop", nameof(Inflection.PresentParticiple), "stopping")]
    [InlineData("big", nameof(Inflection.Comparative), "bigger")]
    [InlineData("happy", nameof(Inflection.Superlative), "happiest")]
    [InlineData("simple", nameof(Inflection.Comparative), "simpler")]
    [InlineData("fast", nameof(Inflection.Superlative), "fastest")]
    [InlineData("go", nameof(Inflection.Past), "went")]
    [InlineData("go", nameof(Inflection.PastParticiple), "went")]
    [InlineData("wage earner", nameof(Inflection.Plural), "wage earners")]
    [InlineData("take on", nameof(Inflection.PresentParticiple), "taking on")]
    public void Inflect_applies_regular_rules_and_irregular_forms(string lemma, string inflection, string expected)
    {
        Assert.Equal(expected, Morphology.Inflect(lemma, Enum.Parse<Inflection>(inflection)));
    }

    [Fact]
    public void Long_adjectives_have_no_suffixed_comparative()
    {
        Assert.Null(Morphology.Inflect("beautiful", Inflection.Comparative));
    }

    [Fact]
    public void Employees_analyses_to_the_plural_of_employee()
    {
        Assert.Equal([new WordAnalysis("employee", PartsOfSpeech.Noun, Inflection.Plural)], Morphology.Analyze("employees"));
    }

    [Fact]
    public void Hires_is_both_a_plural_noun_and_a_third_person_verb()
    {
        var readings = Morphology.Analyze("hires");
        Assert.Contains(new WordAnalysis("hire", PartsOfSpeech.Noun, Inflection.Plural), readings);
        Assert.Contains(new WordAnalysis("hire", PartsOfSpeech.Verb, Inflection.ThirdPersonSingular), readings);
        Assert.Equal(PartsOfSpeech.Noun | PartsOfSpeech.Verb, Morphology.PartsOfSpeechOf("hires"));
    }

    [Fact]
    public void A_lemma_reads_as_itself_and_case_is_ignored()
    {
        Assert.Contains(new WordAnalysis("stop", PartsOfSpeech.Verb, Inflection.None), Morphology.Analyze("Stop"));
    }

    [Fact]
    public void Unknown_words_have_no_readings()
    {
        Assert.Empty(Morphology.Analyze("qwzx"));
        Assert.Empty(Morphology.Analyze("s"));
        Assert.Equal(PartsOfSpeech.None, Morphology.PartsOfSpeechOf("blorbs"));
    }

    [Fact]
    public void Analysing_an_inflected_form_recovers_lemma_and_inflection_for_every_known_lemma()
    {
        var inflections = Enum.GetValues<Inflection>().Where(i => i != Inflection.None).ToArray();
        var pairs = (from l in Lemmas
                     from i in inflections
                     where (l.Pos & i.RequiredPartOfSpeech()) != 0
                     select (l.Lemma, i)).ToArray();
        Prop.ForAll(Gen.Elements(pairs).ToArbitrary(), pair =>
        {
            var form = Morphology.Inflect(pair.Lemma, pair.i);
            if (form is null)
            {
                return true;
            }

            var readings = Morphology.Analyze(form);
            // Regular past participles read as past: they are the same form.
            var expected = pair.i == Inflection.PastParticiple ? Inflection.Past : pair.i;
            return readings.Any(r => r.Lemma == pair.Lemma && r.Inflection == expected)
                || (pair.Lemma == "go" && readings.Any(r => r.Lemma == "go"));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Regular_rules_never_throw_on_arbitrary_text()
    {
        Prop.ForAll<string>(text =>
        {
            var form = text ?? string.Empty;
            _ = Morphology.Analyze(form);
            foreach (var inflection in Enum.GetValues<Inflection>())
            {
                _ = Morphology.Inflect(form, inflection);
            }
        }).QuickCheckThrowOnFailure();
    }
}
