namespace SpinDetect.Tests.Resources;

/// <summary>Small hand-written files in the WordNet and Moby formats, written to a temporary directory.</summary>
internal static class ResourceFixtures
{
    // Index files: first field is the lemma; the remaining fields are not read but keep the real layout.
    internal const string IndexNoun = """
          This fixture imitates the licence preamble, whose lines start with spaces.
        ax n 1 0 1 0 00000001
        axis n 1 0 1 0 00000002
        bag n 1 0 1 0 00000003
        box n 1 0 1 0 00000004
        child n 1 0 1 0 00000005
        city n 1 0 1 0 00000006
        employee n 1 0 1 0 00000007
        hand n 1 0 1 0 00000008
        hire n 1 0 1 0 00000009
        leaf n 1 0 1 0 00000010
        man n 1 0 1 0 00000011
        purse n 1 0 1 0 00000012
        result n 1 0 1 0 00000013
        staff_member n 1 0 1 0 00000014
        wolf n 1 0 1 0 00000015
        worker n 1 0 1 0 00000016
        """;

    internal const string IndexVerb = """
          Licence preamble line.
        be v 1 0 1 0 00000101
        begin v 1 0 1 0 00000102
        commit v 1 0 1 0 00000103
        die v 1 0 1 0 00000104
        employ v 1 0 1 0 00000105
        engage v 1 0 1 0 00000106
        go v 1 0 1 0 00000107
        have v 1 0 1 0 00000108
        hire v 1 0 1 0 00000109
        indicate v 1 0 1 0 00000110
        leave v 1 0 1 0 00000111
        see v 1 0 1 0 00000112
        sign v 1 0 1 0 00000113
        stop v 1 0 1 0 00000114
        take v 1 0 1 0 00000115
        take_on v 1 0 1 0 00000116
        try v 1 0 1 0 00000117
        write v 1 0 1 0 00000118
        """;

    internal const string IndexAdj = """
          Licence preamble line.
        beautiful a 1 0 1 0 00000201
        big a 1 0 1 0 00000202
        good a 1 0 1 0 00000203
        happy a 1 0 1 0 00000204
        simple a 1 0 1 0 00000205
        """;

    internal const string IndexAdv = """
          Licence preamble line.
        hard r 1 0 1 0 00000301
        well r 1 0 1 0 00000302
        """;

    internal const string NounExc = """
        axes ax axis
        children child
        leaves leaf
        men man
        wolves wolf
        """;

    internal const string VerbExc = """
        am be
        are be
        began begin
        beginning begin
        begun begin
        been be
        committed commit
        committing commit
        dying die
        gone go
        has have
        is be
        taken take
        took take
        was be
        went go
        were be
        written write
        wrote write
        """;

    internal const string AdjExc = """
        best good
        better good
        bigger big
        biggest big
        """;

    internal const string AdvExc = """
        best well
        better well
        """;

    internal const string Moby = """
        employee,worker,hand,staff member,hire,wage earner,employ
        employ,hire,engage,take on
        sign,indicate,signal,write
        result,arise,outcome,effect
        bag,purse,sack,pouch
        Bag,satchel
        hire,employ,engage,rent
        """;

    /// <summary>Writes the eight WordNet fixture files into a new temporary directory and returns its path.</summary>
    internal static string CreateWordNetDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "spindetect-wordnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "index.noun"), IndexNoun);
        File.WriteAllText(Path.Combine(directory, "index.verb"), IndexVerb);
        File.WriteAllText(Path.Combine(directory, "index.adj"), IndexAdj);
        File.WriteAllText(Path.Combine(directory, "index.adv"), IndexAdv);
        File.WriteAllText(Path.Combine(directory, "noun.exc"), NounExc);
        File.WriteAllText(Path.Combine(directory, "verb.exc"), VerbExc);
        File.WriteAllText(Path.Combine(directory, "adj.exc"), AdjExc);
        File.WriteAllText(Path.Combine(directory, "adv.exc"), AdvExc);
        return directory;
    }

    /// <summary>The morphology built from the WordNet fixture files through the real reader.</summary>
    internal static SpinDetect.Lexicon.Morphology Morphology { get; } = ReadMorphology();

    private static SpinDetect.Lexicon.Morphology ReadMorphology()
    {
        var directory = CreateWordNetDirectory();
        try
        {
            return SpinDetect.Training.Resources.WordNetMorphologyReader.Read(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
