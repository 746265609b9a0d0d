using SpinDetect.Training.Resources;

namespace SpinDetect.Tests.Resources;

public sealed class MobyThesaurusTests
{
    private static readonly MobyThesaurus Thesaurus = MobyThesaurus.Read(new StringReader(ResourceFixtures.Moby), "fixture");

    [Fact]
    public void Headwords_and_synonyms_are_read_in_file_order()
    {
        Assert.Equal(["employee", "employ", "sign", "result", "bag", "hire"], Thesaurus.Headwords);
        Assert.Equal(["worker", "hand", "staff member", "hire", "wage earner", "employ"], Thesaurus.Synonyms("employee"));
    }

    [Fact]
    public void A_repeated_headword_merges_its_lists_ignoring_case()
    {
        Assert.Equal(["purse", "sack", "pouch", "satchel"], Thesaurus.Synonyms("BAG"));
        Assert.Equal(6, Thesaurus.HeadwordCount);
        Assert.Equal(6 + 3 + 3 + 3 + 4 + 3, Thesaurus.LinkCount);
    }

    [Fact]
    public void Unknown_headwords_have_no_synonyms()
    {
        Assert.Empty(Thesaurus.Synonyms("zebra"));
        Assert.False(Thesaurus.ContainsHeadword("purse"));
    }

    [Fact]
    public void Reverse_lookup_gives_the_headwords_listing_a_word()
    {
        Assert.Equal(["employee", "employ"], Thesaurus.HeadwordsListing("hire"));
        Assert.Equal(["bag"], Thesaurus.HeadwordsListing("purse"));
    }

    [Fact]
    public void Plural_form_gives_synonyms_of_its_lemma_in_the_plural()
    {
        var synonyms = Thesaurus.InflectedSynonyms("employees", ResourceFixtures.Morphology);
        Assert.Contains("workers", synonyms);
        Assert.Contains("hands", synonyms);
        Assert.Contains("hires", synonyms);
        Assert.Contains("staff members", synonyms);
        Assert.Contains("wage earners", synonyms);
        // "employ" is only a verb: not pluralised when the part of speech must match.
        Assert.DoesNotContain("employs", synonyms);
        Assert.DoesNotContain("worker", synonyms);
    }

    [Fact]
    public void Without_the_part_of_speech_check_any_synonym_is_inflected()
    {
        var synonyms = Thesaurus.InflectedSynonyms("employees", ResourceFixtures.Morphology, samePartOfSpeech: false);
        Assert.Contains("employs", synonyms);
    }

    [Fact]
    public void Past_form_gives_past_synonyms_including_irregular_ones()
    {
        var synonyms = Thesaurus.InflectedSynonyms("signed", ResourceFixtures.Morphology);
        Assert.Contains("indicated", synonyms);
        Assert.Contains("wrote", synonyms);
        Assert.Contains("signaled", synonyms);
    }

    [Fact]
    public void A_verb_phrase_inflects_its_first_word()
    {
        Assert.Contains("took on", Thesaurus.InflectedSynonyms("employed", ResourceFixtures.Morphology));
        Assert.Contains("taking on", Thesaurus.InflectedSynonyms("employing", ResourceFixtures.Morphology));
    }

    [Fact]
    public void A_base_form_headword_gives_its_own_list_unchanged()
    {
        Assert.Equal(["arise", "outcome", "effect"], Thesaurus.InflectedSynonyms("result", ResourceFixtures.Morphology).Take(3));
    }

    [Fact]
    public void A_line_without_synonyms_names_the_source_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => MobyThesaurus.Read(new StringReader("bag,purse\nlonely\n"), "words.txt"));
        Assert.Contains("words.txt", error.Message);
        Assert.Contains("line 2", error.Message);
    }
}
