using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Features;

namespace SpinDetect.Tests.Features;

public sealed class WordIdCountsTests
{
    [Fact]
    public void Counts_match_a_dictionary_for_any_ids() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 5_000)).ToArbitrary(), ids =>
        {
            using var counts = new WordIdCounts();
            counts.Reset(ids.Length);
            foreach (var id in ids)
            {
                counts.Add(id);
            }

            var expected = ids.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
            return expected.All(kv => counts.CountOf(kv.Key) == kv.Value) && counts.CountOf(5_001) == 0 && counts.CountOf(-1) == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Sums_match_a_dictionary_for_any_ids_and_values() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 300)).ToArbitrary(), ids =>
        {
            using var counts = new WordIdCounts();
            counts.Reset(ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                counts.Add(ids[i], i % 7 * 0.125f);
            }

            var expected = ids.Select((id, i) => (id, value: i % 7 * 0.125f)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Sum(x => x.value));
            return expected.All(kv => counts.SumOf(kv.Key) == kv.Value) && counts.SumOf(301) == 0 && counts.SumOf(-1) == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_reset_forgets_earlier_counts_and_an_unused_table_answers_zero()
    {
        using var counts = new WordIdCounts();
        Assert.Equal(0, counts.CountOf(7));
        counts.Reset(4);
        counts.Add(7);
        counts.Add(7);
        Assert.Equal(2, counts.CountOf(7));

        counts.Reset(1_000);
        Assert.Equal(0, counts.CountOf(7));
    }
}
