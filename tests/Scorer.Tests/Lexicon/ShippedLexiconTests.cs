using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Tests.Lexicon;

/// <summary>Independent checks against the committed models/lexicon.bin (built from pocketsphinx, Moby and WordNet).</summary>
public sealed class ShippedLexiconTests
{
    private static readonly Lazy<ReferenceLexicon> Shipped = new(() => ReferenceLexicon.Load(FindAsset("models/lexicon.bin")));

    private static ReferenceLexicon Lexicon => Shipped.Value;

    [Fact]
    public void Counts_match_the_source_model()
    {
        Assert.Equal(72547, Lexicon.WordCount);
        Assert.InRange(Lexicon.BigramCount, 2_051_000, 2_051_547);
        Assert.Equal(1669625, Lexicon.TrigramCount);
    }

    [Fact]
    public void Bigram_probabilities_match_the_independent_checks()
    {
        int the = Lexicon.GetId("the"), bag = Lexicon.GetId("bag"), purse = Lexicon.GetId("purse");
        Assert.InRange(Lexicon.Bigram(the, bag), -3.74f, -3.68f);
        Assert.InRange(Lexicon.Bigram(the, purse), -4.80f, -4.74f);
    }

    [Fact]
    public void Of_the_bag_is_a_stored_trigram_and_of_the_purse_is_not()
    {
        int of = Lexicon.GetId("of"), the = Lexicon.GetId("the"), bag = Lexicon.GetId("bag"), purse = Lexicon.GetId("Purse");
        Assert.True(Lexicon.HasTrigram(of, the, bag));
        Assert.False(Lexicon.HasTrigram(of, the, purse));
        Assert.True(Lexicon.Trigram(of, the, bag) > Lexicon.Trigram(of, the, purse));
    }

    [Fact]
    public void Inflected_substitutes_point_back_to_originals_in_the_same_inflection()
    {
        // Moby lists "hand" and "worker" under "employee", and "hire" under "employ".
        int employees = Lexicon.GetId("employees"), hands = Lexicon.GetId("hands"), workers = Lexicon.GetId("workers");
        Assert.Contains(employees, Lexicon.ReverseSynonyms(hands).ToArray());
        Assert.Contains(employees, Lexicon.ReverseSynonyms(workers).ToArray());
        Assert.Contains(Lexicon.GetId("employs"), Lexicon.ReverseSynonyms(Lexicon.GetId("hires")).ToArray());
        Assert.Contains(Lexicon.GetId("employed"), Lexicon.ReverseSynonyms(Lexicon.GetId("hired")).ToArray());
        Assert.Contains(Lexicon.GetId("employing"), Lexicon.ReverseSynonyms(Lexicon.GetId("hiring")).ToArray());
        Assert.Contains(hands, Lexicon.Synonyms(employees).ToArray());
        Assert.DoesNotContain(Lexicon.GetId("employee"), Lexicon.ReverseSynonyms(hands).ToArray());
    }

    [Fact]
    public void Purse_could_have_replaced_bag()
    {
        Assert.Contains(Lexicon.GetId("bag"), Lexicon.ReverseSynonyms(Lexicon.GetId("purse")).ToArray());
    }

    [Theory]
    [InlineData("didn\u2019t", "didn't")]
    [InlineData("Company\u2019s", "company's")]
    [InlineData("isn\u02BCt", "isn't")]
    [InlineData("don`t", "don't")]
    [InlineData("won\u00B4t", "won't")]
    [InlineData("\uFB01nancial", "financial")]
    [InlineData("e\uFB00ective", "effective")]
    [InlineData("re\uFB02ected", "reflected")]
    public void Typographic_apostrophes_and_ligatures_find_the_plain_spelling(string typographic, string plain)
    {
        Assert.NotEqual(-1, Lexicon.GetId(plain));
        Assert.Equal(Lexicon.GetId(plain), Lexicon.GetId(typographic));
    }

    [Theory]
    [InlineData("organised", "organized")]
    [InlineData("Recognised", "recognized")]
    [InlineData("analysed", "analyzed")]
    [InlineData("paralysed", "paralyzed")]
    [InlineData("labourers", "laborers")]
    [InlineData("rumoured", "rumored")]
    [InlineData("flavours", "flavors")]
    [InlineData("centred", "centered")]
    [InlineData("metres", "meters")]
    [InlineData("fibres", "fibers")]
    [InlineData("modelling", "modeling")]
    [InlineData("offences", "offenses")]
    [InlineData("pretence", "pretense")]
    [InlineData("programmes", "programs")]
    [InlineData("anaemia", "anemia")]
    [InlineData("paediatric", "pediatric")]
    [InlineData("foetus", "fetus")]
    [InlineData("jewellery", "jewelry")]
    [InlineData("sceptical", "skeptical")]
    [InlineData("ageing", "aging")]
    [InlineData("enrolment", "enrollment")]
    [InlineData("caf\u00E9", "cafe")]
    [InlineData("na\u00EFve", "naive")]
    [InlineData("cafe\u0301", "cafe")]
    public void A_british_or_accented_spelling_finds_the_vocabularys_word(string spelling, string vocabularyWord)
    {
        Assert.NotEqual(-1, Lexicon.GetId(vocabularyWord));
        Assert.Equal(Lexicon.GetId(vocabularyWord), Lexicon.GetId(spelling));
    }

    [Theory]
    [InlineData("promise")]
    [InlineData("hour")]
    [InlineData("theatre")]
    [InlineData("colour")]
    public void A_word_the_vocabulary_holds_keeps_its_own_id(string word)
    {
        var id = Lexicon.GetId(word);
        Assert.NotEqual(-1, id);
        Assert.Equal(word, Lexicon.Word(id));
    }

    [Theory]
    [InlineData("zqxwvise")]
    [InlineData("blorpour")]
    [InlineData("xyzzae")]
    public void A_word_without_a_known_variant_stays_unknown(string word) => Assert.Equal(-1, Lexicon.GetId(word));

    [Theory]
    [InlineData("6,000", "thousand")]
    [InlineData("200", "hundred")]
    [InlineData("2019", "nineteen")]
    [InlineData("45", "five")]
    [InlineData("70", "seventy")]
    [InlineData("1,200,000", "thousand")]
    [InlineData("3.5", "five")]
    [InlineData("1990s", "nineties")]
    [InlineData("1900s", "hundreds")]
    [InlineData("20th", "twentieth")]
    [InlineData("1st", "first")]
    [InlineData("12th", "twelfth")]
    [InlineData("%", "percent")]
    public void A_number_reads_as_the_word_said_last_for_it(string written, string spoken)
    {
        var kind = written == "%" ? TokenKind.Punctuation : TokenKind.Number;
        Assert.NotEqual(-1, Lexicon.GetId(spoken));
        Assert.Equal(Lexicon.GetId(spoken), Lexicon.SpokenId(written, new Token(0, written.Length, kind, TokenFlags.None)));
    }

    [Fact]
    public void Other_tokens_and_huge_numbers_have_no_spoken_word()
    {
        foreach (var (written, kind) in new[] { ("1234567890123456", TokenKind.Number), (",", TokenKind.Punctuation), ("word", TokenKind.Word) })
        {
            Assert.Equal(-1, Lexicon.SpokenId(written, new Token(0, written.Length, kind, TokenFlags.None)));
        }
    }

    [Fact]
    public void Arise_could_have_replaced_result()
    {
        Assert.Contains(Lexicon.GetId("result"), Lexicon.ReverseSynonyms(Lexicon.GetId("arise")).ToArray());
    }

    [Fact]
    public void Employees_is_the_plural_of_employee_in_id_space_and_in_the_string_morphology()
    {
        int employee = Lexicon.GetId("employee"), employees = Lexicon.GetId("employees");
        Assert.Equal(employees, Lexicon.Inflect(employee, Inflection.Plural));
        var found = false;
        foreach (var analysis in Lexicon.Analyses(employees))
        {
            found |= analysis == new LexiconAnalysis(employee, PartsOfSpeech.Noun, Inflection.Plural);
        }

        Assert.True(found);
        Assert.Equal(PartsOfSpeech.Noun, Lexicon.PartsOfSpeechOf(employees) & PartsOfSpeech.Noun);
        Assert.Contains(new WordAnalysis("go", PartsOfSpeech.Verb, Inflection.Past), Lexicon.Morphology.Analyze("went"));
    }

    [Fact]
    public void Result_can_be_a_noun_or_verb_but_arise_only_a_verb()
    {
        Assert.Equal(PartsOfSpeech.Noun | PartsOfSpeech.Verb, Lexicon.LemmaPartsOfSpeech(Lexicon.GetId("result")));
        Assert.Equal(PartsOfSpeech.Verb, Lexicon.LemmaPartsOfSpeech(Lexicon.GetId("arise")));
    }

    /// <summary>Finds a committed asset by walking up from the test binaries to the repository root.</summary>
    internal static string FindAsset(string relativePath)
        => RepositoryRoot.File(relativePath);
}
