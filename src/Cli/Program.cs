using System.CommandLine;
using SpinDetect.Cli.Commands;

namespace SpinDetect.Cli;

/// <summary>Entry point of the <c>spindetect</c> command.</summary>
internal static class Program
{
    /// <summary>Builds the command tree; kept separate from <see cref="Main"/> so tests can invoke it.</summary>
    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "SpinDetect: detects article-spinner output and scores the quality of scraped article text.");
        // One line per command; each command lives in its own file under Commands/.
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(BuildLexiconCommand.Create());
        root.Subcommands.Add(BuildEmbeddingsCommand.Create());
        root.Subcommands.Add(CorpusCommand.Create());
        root.Subcommands.Add(SpinCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(QualityCommand.Create());
        return root;
    }

    /// <summary>How long an interrupted command may take to write what it has before the process ends.</summary>
    internal static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (an unknown command or option, a
    /// missing or extra argument, a value of the wrong type) exits with the usage code 2, as every command documents,
    /// rather than System.CommandLine's 1, which this tool keeps for "some inputs failed".
    /// </summary>
    internal static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Errors.Count == 0 && EmptyOptionValue(parseResult) is { } option)
        {
            // An empty value ("-o ''", "--model ''") would otherwise mean the current folder or crash deep in a command.
            await configuration.Error.WriteLineAsync(
                $"spindetect {parseResult.CommandResult.Command.Name}: {option} is empty; give a value (see --help)").ConfigureAwait(false);
            return Scoring.ExitCodes.Usage;
        }

        var exit = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parseResult.Action is System.CommandLine.Invocation.ParseErrorAction ? Scoring.ExitCodes.Usage : exit;
    }

    /// <summary>The name of the first option given an empty value on the command line, or null.</summary>
    private static string? EmptyOptionValue(ParseResult parseResult)
    {
        foreach (var child in parseResult.CommandResult.Children)
        {
            if (child is System.CommandLine.Parsing.OptionResult { Implicit: false } option)
            {
                foreach (var token in option.Tokens)
                {
                    if (token.Value.Length == 0)
                    {
                        return option.Option.Name;
                    }
                }
            }
        }

        return null;
    }

    private static int Main(string[] args) =>
        // Ctrl-C and SIGTERM cancel the command's token; the scoring commands then keep their records and exit 130.
        InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = TerminationGrace }).GetAwaiter().GetResult();
}
