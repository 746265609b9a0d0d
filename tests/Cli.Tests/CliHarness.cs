using System.CommandLine;
using System.Text;
using SpinDetect.Cli;
using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests;

/// <summary>Runs <c>spindetect</c> in-process with the deterministic fake scorer and captured output.</summary>
internal sealed class CliHarness(ITextScorer? scorer = null)
{
    /// <summary>The fake scorer behind every detector the commands create (unless another was given); counts calls.</summary>
    public FakeTextScorer Scorer { get; } = new();

    /// <summary>Model paths the commands asked for.</summary>
    public List<string?> ModelPaths { get; } = [];

    public CliResult Run(string[] args, string? stdin = null) => Run(args, stdin == null ? null : Encoding.UTF8.GetBytes(stdin));

    public CliResult Run(string[] args, byte[]? stdin) => RunAsync(args, stdin, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<CliResult> RunAsync(string[] args, byte[]? stdin, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var _ = ScoringEnvironment.Override(
            (model, options) =>
            {
                lock (ModelPaths)
                {
                    ModelPaths.Add(model);
                }

                return new SpinDetector(scorer ?? Scorer, options);
            },
            () => new MemoryStream(stdin ?? []));
        var exit = await Program.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs without the fake: the product path, which needs a real model.</summary>
    public static CliResult RunProduct(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>Exit code and captured streams of one in-process run.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
