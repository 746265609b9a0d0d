using System.Text;
using SpinDetect.Training.Spin;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// The user's samples from all their CSVs, validated together: per-row problems from <see cref="SampleCsvReader"/>,
/// duplicates within and across the files and against the base corpus (same text up to case and white space),
/// and enough samples of each class.
/// </summary>
internal static class SampleSet
{
    /// <summary>Reads and validates; throws <see cref="SampleValidationException"/> listing every problem.</summary>
    public static List<UserSample> Load(IReadOnlyList<string> files, IReadOnlyList<SpinDocument> baseCorpus, RetrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseCorpus);
        var problems = new List<SampleProblem>();
        if (files.Count == 0)
        {
            throw new ArgumentException("At least one sample CSV is needed.", nameof(files));
        }

        var baseTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in baseCorpus)
        {
            baseTexts.TryAdd(Normalize(document.Text), document.Id);
        }

        var seen = new Dictionary<string, UserSample>(StringComparer.Ordinal);
        var samples = new List<UserSample>();
        foreach (var file in files)
        {
            foreach (var sample in SampleCsvReader.Read(file, options, problems))
            {
                var key = Normalize(sample.Text);
                if (seen.TryGetValue(key, out var first))
                {
                    var where = first.File == sample.File ? $"line {first.Line}" : $"{first.File}:{first.Line}";
                    problems.Add(new SampleProblem(sample.File, sample.Line, $"duplicate of {where}"));
                }
                else if (baseTexts.TryGetValue(key, out var id))
                {
                    problems.Add(new SampleProblem(sample.File, sample.Line, $"same text as base corpus row '{id}'"));
                }
                else
                {
                    seen.Add(key, sample);
                    samples.Add(sample);
                }
            }
        }

        CheckClass(samples, spun: true, files, options.MinimumSamplesPerClass, problems);
        CheckClass(samples, spun: false, files, options.MinimumSamplesPerClass, problems);
        if (problems.Count > 0)
        {
            problems.Sort((a, b) => a.File == b.File ? a.Line.CompareTo(b.Line) : IndexOf(files, a.File).CompareTo(IndexOf(files, b.File)));
            throw new SampleValidationException(problems);
        }

        return samples;
    }

    /// <summary>Lower case with runs of white space as one space, trimmed: copies that differ only in layout are duplicates.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static void CheckClass(List<UserSample> samples, bool spun, IReadOnlyList<string> files, int minimum, List<SampleProblem> problems)
    {
        var matching = samples.Where(s => s.Spun == spun).ToList();
        var name = spun ? "spun" : "clean";
        if (matching.Count >= minimum)
        {
            // A group stays in one split, so a class needs three groups to reach training, validation and the held-out part.
            var groups = matching.Select(s => s.Group.Length > 0 ? s.Group : $"{s.File}:{s.Line}").Distinct(StringComparer.Ordinal).ToList();
            if (groups.Count < 3)
            {
                problems.Add(new SampleProblem(
                    matching[0].File,
                    matching[0].Line,
                    $"the {matching.Count} '{name}' samples form only {groups.Count} group(s) ({string.Join(", ", groups.Select(g => $"'{g}'"))}); at least 3 are needed, since a group stays in one split"));
            }

            return;
        }

        var lines = matching.Count == 0 ? "none" : "lines " + string.Join(", ", matching.Select(s => s.File == files[0] ? s.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{s.File}:{s.Line}"));
        problems.Add(new SampleProblem(
            files[0],
            matching.Count == 0 ? 1 : matching[0].Line,
            $"only {matching.Count} valid '{name}' sample(s) ({lines}); at least {minimum} are needed to train and hold some out"));
    }

    private static int IndexOf(IReadOnlyList<string> files, string file)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] == file)
            {
                return i;
            }
        }

        return files.Count;
    }
}
