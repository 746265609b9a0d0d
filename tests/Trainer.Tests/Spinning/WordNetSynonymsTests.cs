using SpinDetect.Tests.Resources;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Spinning;

public sealed class WordNetSynonymsTests
{
    // Hand-written synset lines in the data.* layout: offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt ... | gloss
    private const string DataNoun = """
          1 This fixture imitates the licence header, whose lines start with two spaces.
        00000010 04 n 03 employee 0 worker 0 hand 1 000 | a person who works
        00000020 04 n 02 bag 0 purse 0 000 | a container
        00000030 04 n 02 staff_member 0 employee 0 000 | one of the staff
        """;

    private const string DataAdj = """
        00000040 00 a 02 big(a) 0 large 0 000 | above average in size
        00000050 00 s 02 big 0 important 0 000 | significant
        """;

    private static WordNetSynonyms Read() =>
        WordNetSynonyms.Read([(new StringReader(DataNoun), "data.noun"), (new StringReader(DataAdj), "data.adj")]);

    [Fact]
    public void Synonyms_are_the_other_members_of_every_synset_across_parts_of_speech()
    {
        var wordnet = Read();

        Assert.True(wordnet.TryGetSynonyms("employee", out var employee));
        Assert.Equal(["worker", "hand", "staff member"], employee);
        Assert.True(wordnet.TryGetSynonyms("big", out var big));
        Assert.Equal(["large", "important"], big);
        Assert.True(wordnet.TryGetSynonyms("staff member", out _));
        Assert.Equal(2, wordnet.MaxPhraseWords);
        Assert.False(wordnet.TryGetSynonyms("cat", out _));
    }

    [Fact]
    public void A_malformed_synset_line_is_reported_with_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => WordNetSynonyms.Read([(new StringReader("00000010 04 n zz employee"), "data.noun")]));
        Assert.Contains("data.noun, line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluation_spinner_inflects_wordnet_synonyms_like_the_training_spinner()
    {
        var spinner = new Spinner(Read(), ResourceFixtures.Morphology);
        var result = spinner.Spin("The employees carried big bags.", new SpinOptions { Rate = 1, Seed = 2 });

        Assert.Contains(result.Substitutions, s => s.Original == "employees" && s.Replacement is "workers" or "hands" or "staff members");
        Assert.Contains(result.Substitutions, s => s.Original == "bags" && s.Replacement == "purses");
        Assert.Equal(result.Text, SubstitutionLog.Apply("The employees carried big bags.", result.Substitutions));
    }
}
