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
        if (parseResult.Errors.Count == 0)
        {
            return await run(parseResult, cancellationToken).ConfigureAwait(false);
        }

        var error = parseResult.InvocationConfiguration.Error;
        foreach (var parseError in parseResult.Errors)
        {
            await error.WriteLineAsync($"spindetect {parseResult.CommandResult.Command.Name}: {parseError.Message}").ConfigureAwait(false);
        }

        await error.WriteLineAsync($"Run 'spindetect {parseResult.CommandResult.Command.Name} --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
