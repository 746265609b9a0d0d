namespace SpinDetect.Cli.Scoring;

/// <summary>Exit codes of the scoring commands, as documented in their help.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was scored.</summary>
    public const int Success = 0;

    /// <summary>Some inputs could not be scored; their records say why.</summary>
    public const int SomeFailed = 1;

    /// <summary>The command line is wrong, or the model is missing or unreadable; nothing was scored.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C); the records so far are kept for <c>--resume</c>.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit codes of <c>spindetect explain</c>, for the end of its description.</summary>
    public const string ExplainHelp =
        "Exit codes:\n"
        + "  0    explained\n"
        + "  1    the file could not be read (empty, binary, too large, unreadable)\n"
        + "  2    usage error, including a missing or unreadable model";

    /// <summary>The exit codes of <c>spindetect score</c>, for the end of its description.</summary>
    public const string Help =
        "Exit codes:\n"
        + "  0    every input scored\n"
        + "  1    some inputs failed (their records carry the error)\n"
        + "  2    usage error, including a missing or unreadable model\n"
        + "  130  interrupted (the output so far is kept for --resume)";
}
