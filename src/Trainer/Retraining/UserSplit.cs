using System.Globalization;
using SpinDetect.Training.Spin;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// Splits the user's samples into train, validation and test by group (a group never spans splits), stratified
/// by label: groups are taken in a seeded hash order and each goes to the split furthest below its target share
/// of the classes the group holds, after the first three groups of each class have seeded test, validation and
/// train. Deterministic for a given seed; when groups hold one class each, every split gets both classes as soon
/// as each class has three groups.
/// </summary>
internal static class UserSplit
{
    /// <summary>Names of the three splits, as in the corpus.</summary>
    internal static readonly string[] Splits = ["train", "validation", "test"];

    /// <summary>The samples as documents with their split set, and the weight of each (its row weight × <paramref name="sampleWeight"/>).</summary>
    public static List<(SpinDocument Document, float Weight)> Assign(
        IReadOnlyList<UserSample> samples, double validationShare, double testShare, double sampleWeight, int seed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            var group = GroupOf(samples[i]);
            if (!groups.TryGetValue(group, out var members))
            {
                groups[group] = members = [];
                order.Add(group);
            }

            members.Add(i);
        }

        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        order.Sort((a, b) =>
        {
            var c = SpinFeatureTables.StableHash(a + "#" + seedText).CompareTo(SpinFeatureTables.StableHash(b + "#" + seedText));
            return c != 0 ? c : string.CompareOrdinal(a, b);
        });

        double[] targets = [1 - validationShare - testShare, validationShare, testShare];
        var assigned = new int[3, 2];
        var totals = new int[2];
        var splitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        // First the first three groups of each class (by majority) seed test, validation and train, so each split
        // has both classes however the group sizes fall; the rest go greedily.
        foreach (var spunClass in new[] { true, false })
        {
            var seeded = 0;
            foreach (var group in order)
            {
                if (seeded < 3 && !splitOf.ContainsKey(group) && Majority(group) == spunClass)
                {
                    Place(group, 2 - seeded++);
                }
            }
        }

        foreach (var group in order)
        {
            if (splitOf.ContainsKey(group))
            {
                continue;
            }

            var counts = Counts(group);
            // Ties go to test, then validation, so small sets fill the held-out splits first.
            var best = 2;
            for (var s = 1; s >= 0; s--)
            {
                if (Need(s) > Need(best) + 1e-9)
                {
                    best = s;
                }
            }

            Place(group, best);

            // How far the split is below its share of each class (the group included), weighted by how much of that class the group holds.
            double Need(int s) => (counts[0] * ((targets[s] * (totals[0] + counts[0])) - assigned[s, 0])) + (counts[1] * ((targets[s] * (totals[1] + counts[1])) - assigned[s, 1]));
        }

        int[] Counts(string group)
        {
            var spun = groups[group].Count(i => samples[i].Spun);
            return [groups[group].Count - spun, spun];
        }

        bool Majority(string group)
        {
            var counts = Counts(group);
            return counts[1] >= counts[0];
        }

        void Place(string group, int split)
        {
            var counts = Counts(group);
            splitOf[group] = split;
            for (var c = 0; c < 2; c++)
            {
                assigned[split, c] += counts[c];
                totals[c] += counts[c];
            }
        }

        var result = new List<(SpinDocument, float)>(samples.Count);
        foreach (var sample in samples)
        {
            var group = GroupOf(sample);
            var id = $"user:{Path.GetFileName(sample.File)}:{sample.Line.ToString(CultureInfo.InvariantCulture)}";
            result.Add((
                new SpinDocument(id, group, "user", sample.Spun ? "user" : "none", 0, sample.Text, sample.Spun, [], Splits[splitOf[group]], "user"),
                (float)(sample.Weight * sampleWeight)));
        }

        return result;
    }

    private static string GroupOf(UserSample sample) => sample.Group.Length > 0
        ? "user:" + sample.Group
        : $"user:{Path.GetFileName(sample.File)}:{sample.Line.ToString(CultureInfo.InvariantCulture)}";
}
