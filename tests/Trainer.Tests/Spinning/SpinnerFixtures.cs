using SpinDetect.Tests.Resources;
using SpinDetect.Training.Resources;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Spinning;

/// <summary>A tiny Moby-format thesaurus, frequencies and texts for the spinner tests (all hand-written).</summary>
internal static class SpinnerFixtures
{
    internal const string Moby = """
        employee,worker,hand,staff member,hire
        sign,indicate,signal,write
        result,arise,outcome,effect
        bag,purse,sack,pouch
        big,large,huge,great,vast
        happy,glad,cheerful,content
        shortly after,soon after,right after
        city,town,municipality,burg
        leaf,page,sheet,folio
        take,grab,seize,catch
        company,firm,business,outfit
        deal,bargain,pact,agreement
        wage,pay,salary,earnings
        would be,in name only,so-called
        always,on and on,forever,the whole time
        day,date,time,period
        """;

    /// <summary>Weights of lowercase words (inflected forms included): the ones common-only choice may use.</summary>
    internal static readonly KeyValuePair<string, double>[] Weights =
    [
        new("worker", 900), new("workers", 800), new("hand", 950), new("hands", 700), new("large", 990), new("great", 980),
        new("glad", 600), new("town", 850), new("towns", 400), new("page", 750), new("pages", 300), new("firm", 650),
        new("business", 970), new("pay", 960), new("time", 1000), new("agreement", 500), new("took", 100),
        new("company", 400), new("deal", 300), new("city", 420), new("employees", 60), new("day", 500),
        new("shortly", 40), new("vast", 2), new("burg", 1), new("folio", 1), new("hire", 3), new("outfit", 4), new("pact", 5),
    ];

    internal static MobyThesaurus Thesaurus { get; } = MobyThesaurus.Read(new StringReader(Moby), "spinner fixture");

    internal static WordFrequencyList Frequencies { get; } = WordFrequencyList.FromWeights("fixture", Weights);

    internal static Spinner Spinner { get; } = new(new MobySynonyms(Thesaurus), ResourceFixtures.Morphology, Frequencies);

    /// <summary>A longer text of replaceable words in several paragraphs, for rate and style tests.</summary>
    internal static string LongText { get; } = string.Join("\n\n", Enumerable.Range(0, 12).Select(i =>
        $"The big company signed a happy deal with the city on day {i + 1}. Its employees take the bag and the leaf. "
        + "Wages rose as a result of the deal, and every worker was happy."));
}
