using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Training.Retraining;

namespace SpinDetect.Tests.Retraining;

public sealed class UserSplitTests
{
    [Fact]
    public void A_group_never_spans_splits_and_with_single_class_groups_every_split_gets_both_classes()
    {
        Prop.ForAll(Gen.Choose(6, 60).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (count, seed) =>
        {
            var random = new Random(seed);
            var mixed = random.Next(2) == 0;
            var samples = Enumerable.Range(0, count)
                .Select(i => new UserSample("s.csv", i + 2, "t" + i, i % 2 == 0, random.Next(3) == 0 ? "" : (mixed ? "g" : "g" + (i % 2)) + random.Next(count / 2), 1))
                .ToList();
            var split = UserSplit.Assign(samples, 0.2, 0.2, 2, seed);

            var splitsPerGroup = split.GroupBy(s => s.Document.Group).Select(g => g.Select(s => s.Document.Split).Distinct().Count());
            var groupsPerClass = samples.GroupBy(s => s.Spun).Min(c => c.Select(s => s.Group.Length == 0 ? "#" + s.Line : s.Group).Distinct().Count());
            var bothEverywhere = UserSplit.Splits.All(name => split.Where(s => s.Document.Split == name).Select(s => s.Document.Spun).Distinct().Count() == 2);
            return splitsPerGroup.All(n => n == 1) && (mixed || groupsPerClass < 3 || bothEverywhere) && split.All(s => s.Weight == 2f);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_split_is_deterministic_for_a_seed_and_shares_follow_the_targets()
    {
        var samples = Enumerable.Range(0, 100).Select(i => new UserSample("s.csv", i + 2, "t" + i, i % 2 == 0, "", 1)).ToList();

        var first = UserSplit.Assign(samples, 0.2, 0.2, 1, 5).Select(s => s.Document.Split).ToList();
        var again = UserSplit.Assign(samples, 0.2, 0.2, 1, 5).Select(s => s.Document.Split).ToList();
        var other = UserSplit.Assign(samples, 0.2, 0.2, 1, 6).Select(s => s.Document.Split).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(60, first.Count(s => s == "train"));
        Assert.Equal(20, first.Count(s => s == "test"));
    }
}
