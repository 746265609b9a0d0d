using System.CommandLine;
using System.CommandLine.Invocation;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// A command action that reports parse errors itself with the documented usage exit code (2) instead of
/// System.CommandLine's default (1), which the scoring commands use for "some inputs failed".
/// </summary>
internal sealed class UsageCheckedAction(Func<ParseResult, CancellationToken, Task<int>> run) : AsynchronousCommandLineAction
{
    /// <summary>Runs even when parsing failed, so the exit code can be 2.</summary>
    public override bool ClearsParseErrors => true;

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        // Tokens nothing took (an extra argument, an unknown option) are errors too: silently ignored, a misspelt
        // option would leave its default in force.
        if (parseResult.Errors.Count == 0 && parseResult.UnmatchedTokens.Count == 0)
        {
            return await run(parseResult, cancellationToken).ConfigureAwait(false);
        }

        var error = parseResult.InvocationConfiguration.Error;
        var name = parseResult.CommandResult.Command.Name;
        foreach (var parseError in parseResult.Errors)
        {
            await error.WriteLineAsync($"spindetect {name}: {parseError.Message}").ConfigureAwait(false);
        }

        if (parseResult.Errors.Count == 0)
        {
            await error.WriteLineAsync($"spindetect {name}: unexpected {string.Join(' ', parseResult.UnmatchedTokens)}").ConfigureAwait(false);
        }

        await error.WriteLineAsync($"Run 'spindetect {name} --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
