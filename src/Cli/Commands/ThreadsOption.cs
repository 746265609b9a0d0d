using System.CommandLine;

namespace SpinDetect.Cli.Commands;

/// <summary>The <c>--threads</c> option of the training and evaluation commands: absent means every core.</summary>
internal static class ThreadsOption
{
    /// <summary>A new <c>--threads</c> option that accepts 1 to <see cref="OrderedParallel.MaxParallelism"/>.</summary>
    public static Option<int?> Create()
    {
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)." };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > OrderedParallel.MaxParallelism)
            {
                result.AddError($"--threads must be 1 to {OrderedParallel.MaxParallelism} (leave it out for every core).");
            }
        });
        return threads;
    }
}
