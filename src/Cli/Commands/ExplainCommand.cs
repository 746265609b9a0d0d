using System.CommandLine;
using SpinDetect.Cli.Scoring;

namespace SpinDetect.Cli.Commands;

/// <summary><c>spindetect explain</c>: one text with its suspicious spans marked, for a person to read.</summary>
internal static class ExplainCommand
{
    internal static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "The text, Markdown or HTML file to explain; - reads standard input.",
        };
        var detectorOptions = new DetectorOptionSet(defaultEvidence: 50);
        var command = new Command(
            "explain",
            "Print the verdict on one text, the text with suspicious spans marked as [[span -> likely original]],\n"
            + "and the list of suggestions.\n" + ExitCodes.ExplainHelp);
        command.Arguments.Add(file);
        detectorOptions.AddTo(command);
        command.Action = new UsageCheckedAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            // The parser passes an option it does not know on as the file argument.
            if (OutputPaths.UnknownOption([path]) is { } unknown)
            {
                await error.WriteLineAsync($"spindetect explain: {unknown} (see --help)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var detector = detectorOptions.CreateDetector(parseResult, error);
            if (detector == null)
            {
                return ExitCodes.Usage;
            }

            if (path != "-" && !File.Exists(path))
            {
                await error.WriteLineAsync($"spindetect explain: {path}: {(Directory.Exists(path) ? "is a folder, not a file" : InputErrors.Missing(path))}").ConfigureAwait(false);
                return ExitCodes.SomeFailed;
            }

            var item = path == "-" ? new InputItem(path, InputKind.StandardInput) : new InputItem(path, InputKind.File);
            Text.DecodedText text;
            try
            {
                text = await Task.Run(() => InputScorer.Read(item, detector.Options.MaxInputBytes), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await error.WriteLineAsync($"spindetect explain: {path}: {InputErrors.Describe(path, e)}").ConfigureAwait(false);
                return ExitCodes.SomeFailed;
            }

            Explanation.Write(output, path, text.Text, detector.Score(text), detector.Threshold);
            return ExitCodes.Success;
        });
        return command;
    }
}
