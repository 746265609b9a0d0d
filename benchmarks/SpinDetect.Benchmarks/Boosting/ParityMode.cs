using System.Diagnostics;
using System.Globalization;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Benchmarks.Boosting;

/// <summary>
/// <c>parity TRAIN.csv TEST.csv [--threads N] [--l2 LAMBDA] [--min-hessian H]</c>: trains SpinDetect's boosted trees with default options (and an optional L2 penalty) on the
/// first file (label column "label"), scores the second, and prints one line of key=value figures (wall and
/// process CPU seconds of the fit) for
/// benchmarks/parity/run.sh. Log-loss is of the uncalibrated logistic link, comparable with XGBoost's.
/// </summary>
internal static class ParityMode
{
    internal static int Run(string[] args)
    {
        var options = new BoostedTreeOptions();
        var files = Scoring.ModeArguments.Check(args, ["--threads", "--l2", "--min-hessian"], [], positional: 2);
        if (Scoring.ModeArguments.Option(args, "--threads") is { } threads)
        {
            options.NumberOfThreads = Scoring.ModeArguments.PositiveInt(threads, "--threads");
        }

        if (Scoring.ModeArguments.Option(args, "--l2") is { } l2)
        {
            options.L2Regularization = Scoring.ModeArguments.Number(l2, "--l2");
        }

        if (Scoring.ModeArguments.Option(args, "--min-hessian") is { } minimumHessian)
        {
            options.MinimumHessianPerLeaf = Scoring.ModeArguments.Number(minimumHessian, "--min-hessian");
        }

        if (files.Count != 2)
        {
            Console.Error.WriteLine("usage: parity TRAIN.csv TEST.csv [--threads N] [--l2 LAMBDA] [--min-hessian H]");
            return 2;
        }

        var train = TabularData.LoadCsv(files[0]);
        var test = TabularData.LoadCsv(files[1]);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var model = new BoostedTreeTrainer(options).Fit(train);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var raw = model.PredictRawScores(test);
        var logistic = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            logistic[i] = 1 / (1 + Math.Exp(-raw[i]));
        }

        var metrics = BinaryClassificationMetrics.Compute(test.Labels, logistic);
        var calibrated = model.Evaluate(test);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"auc={metrics.AreaUnderRocCurve:0.000000} logloss={metrics.LogLoss:0.000000} calibrated_logloss={calibrated.LogLoss:0.000000} seconds={seconds:0.000} cpu_seconds={cpuSeconds:0.000} trees={model.TreeCount}"));
        return 0;
    }
}
