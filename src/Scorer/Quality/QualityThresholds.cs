using System.Globalization;
using System.Text;

namespace SpinDetect.Quality;

/// <summary>
/// Decision thresholds applied to the quality models' probabilities and to the rule-based signals, with their
/// defaults in one place. The trainer tunes some of them on held-in data and stores them in the model file (section
/// <see cref="SectionName"/>, "name=value" lines), so a model and its thresholds travel together.
/// </summary>
internal sealed record QualityThresholds
{
    /// <summary>Name of the model-file section that stores the thresholds.</summary>
    public const string SectionName = "quality-thresholds";

    /// <summary>Line junk probability at or above which a line is removed. Default 0.5.</summary>
    public double Junk { get; init; } = 0.5;

    /// <summary>Probability that a line comes from another document at or above which a junk line counts as
    /// unrelated. Default 0.5.</summary>
    public double Unrelated { get; init; } = 0.5;

    /// <summary>Words that unrelated lines must hold together before <see cref="QualityFlags.AppendedUnrelated"/>
    /// is raised; 0 leaves the decision to the appended-content model alone (a foreign paragraph the line models keep
    /// can still be flagged). Default 6.</summary>
    public int UnrelatedMinimumWords { get; init; } = 6;

    /// <summary>Probability from the appended-content document model at or above which
    /// <see cref="QualityFlags.AppendedUnrelated"/> is raised. Default 0.5.</summary>
    public double AppendedFlag { get; init; } = 0.5;

    /// <summary>Junk probability a boilerplate line needs to raise <see cref="QualityFlags.Boilerplate"/> (higher
    /// than <see cref="Junk"/> so that a doubtful line is removed without flagging a clean article). Default 0.8.</summary>
    public double BoilerplateFlag { get; init; } = 0.8;

    /// <summary>Fewest words to judge a text (Gopher's lower bound). Default 50.</summary>
    public int MinimumWords { get; init; } = 50;

    /// <summary>Share of English function words below which a text of 20+ words is not English. Default 0.12.</summary>
    public double MinimumStopRatio { get; init; } = 0.12;

    /// <summary>Share of words with four consonants in a row (or no vowel) above which a text is not English.
    /// Default 0.3.</summary>
    public double MaximumConsonantClusterShare { get; init; } = 0.3;

    /// <summary>Mojibake markers that make a text garbled. Default 2.</summary>
    public int GarbledMojibake { get; init; } = 2;

    /// <summary>A run of this many characters without a letter makes a text garbled. Default 40.</summary>
    public int GarbledNonLetterRun { get; init; } = 40;

    /// <summary>Signs of a broken address a line needs to count as mangled. Default 2.</summary>
    public int MangledSigns { get; init; } = 2;

    /// <summary>Words a repeated line needs to raise <see cref="QualityFlags.RepeatedLines"/>. Default 5.</summary>
    public int RepeatedMinimumWords { get; init; } = 5;

    /// <summary>Renders the thresholds as the model-file section.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        Append(text, nameof(Junk), Junk);
        Append(text, nameof(Unrelated), Unrelated);
        Append(text, nameof(UnrelatedMinimumWords), UnrelatedMinimumWords);
        Append(text, nameof(AppendedFlag), AppendedFlag);
        Append(text, nameof(BoilerplateFlag), BoilerplateFlag);
        Append(text, nameof(MinimumWords), MinimumWords);
        Append(text, nameof(MinimumStopRatio), MinimumStopRatio);
        Append(text, nameof(MaximumConsonantClusterShare), MaximumConsonantClusterShare);
        Append(text, nameof(GarbledMojibake), GarbledMojibake);
        Append(text, nameof(GarbledNonLetterRun), GarbledNonLetterRun);
        Append(text, nameof(MangledSigns), MangledSigns);
        Append(text, nameof(RepeatedMinimumWords), RepeatedMinimumWords);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads the model-file section; names not present keep their defaults, unknown names are an error.</summary>
    public static QualityThresholds FromBytes(ReadOnlySpan<byte> bytes, string source)
    {
        var result = new QualityThresholds();
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !double.TryParse(raw.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"{source}: bad quality threshold line '{raw}'.");
            }

            var name = raw[..equals];
            result = name switch
            {
                nameof(Junk) => result with { Junk = value },
                nameof(Unrelated) => result with { Unrelated = value },
                nameof(UnrelatedMinimumWords) => result with { UnrelatedMinimumWords = (int)value },
                nameof(AppendedFlag) => result with { AppendedFlag = value },
                nameof(BoilerplateFlag) => result with { BoilerplateFlag = value },
                nameof(MinimumWords) => result with { MinimumWords = (int)value },
                nameof(MinimumStopRatio) => result with { MinimumStopRatio = value },
                nameof(MaximumConsonantClusterShare) => result with { MaximumConsonantClusterShare = value },
                nameof(GarbledMojibake) => result with { GarbledMojibake = (int)value },
                nameof(GarbledNonLetterRun) => result with { GarbledNonLetterRun = (int)value },
                nameof(MangledSigns) => result with { MangledSigns = (int)value },
                nameof(RepeatedMinimumWords) => result with { RepeatedMinimumWords = (int)value },
                _ => throw new FormatException($"{source}: unknown quality threshold '{name}'."),
            };
        }

        return result;
    }

    private static void Append(StringBuilder text, string name, double value) =>
        text.Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
