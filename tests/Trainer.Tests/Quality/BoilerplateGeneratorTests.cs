using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class BoilerplateGeneratorTests
{
    private static readonly string[] Prefixes = ["• ", "— ", "> ", "| ", "» ", "- ", "* "];

    [Fact]
    public void Tuning_templates_of_one_parity_never_appear_with_the_other()
    {
        var even = FixedTuningTemplates(0);
        var odd = FixedTuningTemplates(1);
        Assert.NotEmpty(even);
        Assert.NotEmpty(odd);

        var evenLines = Lines(parity: 0);
        var oddLines = Lines(parity: 1);

        // Each set of documents gets its own half of the tuning wording and none of the other half.
        Assert.Contains(evenLines, even.Contains);
        Assert.DoesNotContain(evenLines, odd.Contains);
        Assert.Contains(oddLines, odd.Contains);
        Assert.DoesNotContain(oddLines, even.Contains);

        // Without a parity both halves are used.
        var allLines = Lines(parity: -1);
        Assert.Contains(allLines, even.Contains);
        Assert.Contains(allLines, odd.Contains);
    }

    /// <summary>Lower-cased templates without slots of the tuning families at positions of the given parity (less any
    /// that the line models' families word the same way).</summary>
    private static HashSet<string> FixedTuningTemplates(int parity)
    {
        var lineFamilies = BoilerplateTemplates.Families
            .Where(f => !f.HeldOut && !f.ForTuning)
            .SelectMany(f => f.Patterns)
            .Select(p => p.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return BoilerplateTemplates.Families
            .Where(f => f.ForTuning)
            .SelectMany(f => f.Patterns.Where((_, i) => i % 2 == parity))
            .Where(p => !p.Contains('{', StringComparison.Ordinal))
            .Select(p => p.ToLowerInvariant())
            .Where(p => !lineFamilies.Contains(p))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static List<string> Lines(int parity)
    {
        var generator = new BoilerplateGenerator(new Random(5), heldOut: false, () => "A headline", tuningFamilies: true, tuningParity: parity);
        var lines = new List<string>();
        foreach (var placement in Enum.GetValues<BoilerplatePlacement>())
        {
            for (var i = 0; i < 1500; i++)
            {
                var line = generator.Line(placement).ToLowerInvariant();
                var prefix = Prefixes.FirstOrDefault(p => line.StartsWith(p, StringComparison.Ordinal));
                lines.Add(prefix is null ? line : line[prefix.Length..]);
            }
        }

        return lines;
    }
}
