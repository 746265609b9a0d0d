using System.Globalization;
using SpinDetect.Features;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// <c>stage-loop [plain|features|trees|score] [calls] [rounds]</c>: one stage of the medium article alone, many
/// rounds, printing the median and minimum thread CPU µs per call over the rounds. For before/after comparisons on
/// a busy machine, where the full stage table moves too much between runs.
/// </summary>
internal static class StageLoopMode
{
    internal static int Run(string[] args)
    {
        ModeArguments.Check(args, [], [], positional: 3);
        var stage = args.Length > 0 ? args[0] : "plain";
        if (stage is not ("plain" or "features" or "trees" or "score"))
        {
            throw new ModeUsageException($"the stage must be plain, features, trees or score, got '{stage}'.");
        }

        var calls = ModeArguments.IntAt(args, 1, "calls", 50);
        var rounds = ModeArguments.IntAt(args, 2, "rounds", 21);
        var fixture = ScoringFixture.Open();
        var text = ScoringBenchmarks.Article(ArticleSize.Medium);
        var model = fixture.Pipeline.Model;
        var noVectors = new SpinFeaturizer(model.Featurizer.Statistics);
        using var analysis = new DocumentAnalysis();
        model.Featurizer.Analyze(text, analysis);
        Action action = stage switch
        {
            "plain" => () => noVectors.Analyze(text, analysis),
            "features" => () => model.Featurizer.Analyze(text, analysis),
            "trees" => () => model.ScoreTokens(analysis),
            "score" => () => fixture.Detector.Score(text),
            _ => throw new ArgumentException($"Unknown stage '{stage}'.", nameof(args)),
        };

        for (var i = 0; i < calls * 3; i++)
        {
            action();
        }

        var perCall = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var start = StageTimer.ThreadCpuMicroseconds();
            for (var i = 0; i < calls; i++)
            {
                action();
            }

            perCall[r] = (StageTimer.ThreadCpuMicroseconds() - start) / calls;
        }

        Array.Sort(perCall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: median {perCall[rounds / 2]:F1} µs CPU, min {perCall[0]:F1} µs CPU per call ({rounds} rounds × {calls} calls)"));
        return 0;
    }
}
