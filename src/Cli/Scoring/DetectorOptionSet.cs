using System.CommandLine;

namespace SpinDetect.Cli.Scoring;

/// <summary>The options shared by the commands that score text: model, threshold, evidence and minimum length.</summary>
internal sealed class DetectorOptionSet
{
    private readonly Option<string?> _model = new("--model")
    {
        Description = "Model file to use instead of the shipped one (for example one made by 'spindetect train').",
        HelpName = "PATH",
    };

    private readonly Option<double?> _threshold = new("--threshold")
    {
        Description = "Confidence (0..1) at or above which a text is reported spun. Default: the model's own threshold.",
        HelpName = "P",
    };

    private readonly Option<int> _evidence;

    private readonly Option<double> _minEvidenceScore = new("--min-evidence-score")
    {
        Description = "Lowest substitution probability (0..1) of a reported span; lower shows more suspicious words and more ordinary ones.",
        HelpName = "P",
        DefaultValueFactory = _ => SpinDetectorOptions.Defaults.MinEvidenceScore,
    };

    private readonly Option<int> _minWords = new("--min-words")
    {
        Description = "Texts with fewer words are never reported spun and are flagged too-short.",
        HelpName = "N",
        DefaultValueFactory = _ => SpinDetectorOptions.Defaults.MinWords,
    };

    public DetectorOptionSet(int defaultEvidence)
    {
        _evidence = new Option<int>("--evidence")
        {
            Description = "Most suspicious spans to report per text.",
            HelpName = "N",
            DefaultValueFactory = _ => defaultEvidence,
        };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_model);
        command.Options.Add(_threshold);
        command.Options.Add(_evidence);
        command.Options.Add(_minEvidenceScore);
        command.Options.Add(_minWords);
    }

    /// <summary>The <c>--model</c> given, or null for the shipped model.</summary>
    public string? ModelPath(ParseResult parseResult) => parseResult.GetValue(_model);

    /// <summary>
    /// Builds the detector, or writes why it cannot be built to <paramref name="error"/> and returns null (exit 2):
    /// an option out of range, or a missing or unreadable model.
    /// </summary>
    public SpinDetector? CreateDetector(ParseResult parseResult, TextWriter error)
    {
        try
        {
            var options = new SpinDetectorOptions
            {
                Threshold = parseResult.GetValue(_threshold),
                MaxEvidence = parseResult.GetValue(_evidence),
                MinEvidenceScore = parseResult.GetValue(_minEvidenceScore),
                MinWords = parseResult.GetValue(_minWords),
            };
            return ScoringEnvironment.CreateDetector(parseResult.GetValue(_model), options);
        }
        catch (ArgumentOutOfRangeException e)
        {
            error.WriteLine($"spindetect: --{OptionName(e.ParamName)} is out of range: {FirstLine(e.Message)}");
        }
        catch (SpinModelException e)
        {
            error.WriteLine($"spindetect: {e.Message}");
        }

        return null;
    }

    private static string OptionName(string? parameter) => parameter switch
    {
        nameof(SpinDetectorOptions.Threshold) => "threshold",
        nameof(SpinDetectorOptions.MaxEvidence) => "evidence",
        nameof(SpinDetectorOptions.MinEvidenceScore) => "min-evidence-score",
        nameof(SpinDetectorOptions.MinWords) => "min-words",
        _ => parameter ?? "option",
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" (Parameter", StringSplitOptions.None)[0].Trim();
}
