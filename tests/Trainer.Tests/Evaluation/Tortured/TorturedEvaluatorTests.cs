using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class TorturedEvaluatorTests
{
    // One carrier template, so every sentence is known: "We studied <phrase> closely."
    private static readonly CarrierTemplate[] OneTemplate = [new("We studied {P} closely.")];

    // The script: "crimson" is caught with the right suggestion, "vehicle" with a wrong one, "canine" and "tome"
    // are missed, "dog" in the expected twin is a false alarm, and the carrier word "closely" is always marked.
    private static readonly Dictionary<string, (string?, double)> Script = new()
    {
        ["crimson"] = ("red", 0.9),
        ["vehicle"] = ("truck", 0.6),
        ["dog"] = ("hound", 0.7),
        ["closely"] = (null, 0.3),
    };

    private static TorturedPhraseSet Fixture() => TorturedCsvReader.Read(new StringReader(MadeUpPairs.Csv), "made-up.csv", 10);

    private static TorturedEvaluationOptions Options(double targetPrecision = 0.80) => new()
    {
        AbstractCount = 50,
        MinAbstractSentences = 4,
        MaxAbstractSentences = 4,
        TorturedCounts = [1, 2, 4],
        TargetPrecision = targetPrecision,
        SweepRows = 100,
    };

    private static TorturedEvaluationResult Run(ISpinEvidenceSource source, double targetPrecision = 0.80) =>
        new TorturedEvaluator(source, Options(targetPrecision), OneTemplate).Evaluate(Fixture());

    private static ScriptedEvidenceSource ScriptedSource() => new(Script, (_, marks) => marks / 20.0);

    [Fact]
    public void Phrase_figures_match_the_hand_computed_values()
    {
        var p = Run(ScriptedSource()).Phrases;
        Assert.Equal(4, p.Sentences);
        Assert.Equal(0.5, p.Recall);            // crimson fruit, speedy vehicle
        Assert.Equal(0.5, p.ChangedWordRecall);
        Assert.Equal(0.25, p.FalseAlarmRate);   // big dog
        Assert.Equal(2.0 / 3, p.SlotPrecision, 12);
        Assert.Equal(11, p.Marks);              // 8 × "closely", crimson, vehicle, dog
        Assert.Equal(2.0 / 11, p.MarkPrecision, 12);
        Assert.Equal(0.25, p.SuggestionHit);    // only "red" for "crimson"
        Assert.Equal(0.5, p.SuggestionHitWhenMarked);
    }

    [Fact]
    public void The_sweep_has_one_point_per_score_with_hand_computed_figures()
    {
        var sweep = Run(ScriptedSource()).Phrases.Sweep;
        Assert.Equal([0.9, 0.7, 0.6, 0.3], sweep.Select(s => s.Threshold));
        Assert.Equal([0.25, 0.25, 0.5, 0.5], sweep.Select(s => s.Recall));
        Assert.Equal([1.0, 0.5, 2.0 / 3, 2.0 / 11], sweep.Select(s => s.MarkPrecision));
        Assert.Equal([0.0, 0.25, 0.25, 0.25], sweep.Select(s => s.FalseAlarmRate));
    }

    [Fact]
    public void Recall_at_target_precision_is_read_from_the_sweep()
    {
        Assert.Equal(new SweepPoint(0.9, 0.25, 1.0, 1.0, 0.0), Run(ScriptedSource(), 0.80).Phrases.AtTargetPrecision);
        var at60 = Run(ScriptedSource(), 0.60).Phrases.AtTargetPrecision;
        Assert.Equal(0.6, at60?.Threshold);
        Assert.Equal(0.5, at60?.Recall);
    }

    [Fact]
    public void Slot_precision_has_its_own_operating_point()
    {
        // Slot precision by threshold: 0.9 → 1/1, 0.7 → 1/2, 0.6 → 2/3, 0.3 → 2/3.
        var sweep = Run(ScriptedSource()).Phrases.Sweep;
        Assert.Equal([1.0, 0.5, 2.0 / 3, 2.0 / 3], sweep.Select(s => s.SlotPrecision));
        Assert.Equal(0.9, Run(ScriptedSource(), 0.80).Phrases.AtTargetSlotPrecision?.Threshold);
        Assert.Equal(0.6, Run(ScriptedSource(), 0.65).Phrases.AtTargetSlotPrecision?.Threshold);
    }

    [Fact]
    public void Figures_are_broken_down_by_slot_position()
    {
        var byPosition = Run(ScriptedSource()).Phrases.ByPosition;
        var middle = byPosition.Single(x => x.Position == SlotPosition.Middle);
        Assert.Equal(new SlotPositionMetrics(SlotPosition.Middle, 4, 0.5, 0.25), middle);
        Assert.All(byPosition.Where(x => x.Position != SlotPosition.Middle), x => Assert.Equal(0, x.Sentences));
    }

    [Fact]
    public void Missed_and_false_alarmed_rows_are_listed_worst_first()
    {
        var result = Run(ScriptedSource());
        Assert.Equal(["huge canine", "ancient tome"], result.MostMissed.Select(o => o.Tortured)); // 40 papers before 10
        var alarm = Assert.Single(result.MostFalseAlarmed);
        Assert.Equal("big dog", alarm.Expected);
        Assert.Equal(0.7, alarm.MaxFalseAlarmScore);
    }

    [Fact]
    public void Abstracts_holding_all_four_phrases_separate_perfectly_when_one_is_always_caught()
    {
        // Probability 1 when "crimson" is present: with 4 tortured phrases every abstract has it, with 1 only some.
        var source = new ScriptedEvidenceSource(Script, (text, _) => text.Contains("crimson", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        var documents = Run(source).Documents;
        Assert.Equal(50, documents.Abstracts);
        Assert.Equal(200, documents.Sentences);
        var four = documents.ByCount.Single(d => d.Label == "4");
        Assert.Equal(1.0, four.Auc);
        Assert.Equal(1.0, four.TprAtFpr);

        // With one tortured phrase the AUC is 1/2 + 1/2 × (share of abstracts whose tortured phrase is "crimson").
        var abstracts = SyntheticAbstract.Build(Fixture().Pairs, OneTemplate, Options()).ToArray();
        var share = abstracts.Count(a => a.Tortured[0].Contains("crimson", StringComparison.OrdinalIgnoreCase)) / 50.0;
        Assert.InRange(share, 0.05, 0.95);
        Assert.Equal(0.5 + share / 2, documents.ByCount.Single(d => d.Label == "1").Auc, 12);
        Assert.Equal(share, documents.ByCount.Single(d => d.Label == "1").TprAtFpr, 12);
    }

    [Fact]
    public void Synthetic_abstracts_nest_their_tortured_phrases()
    {
        foreach (var a in SyntheticAbstract.Build(Fixture().Pairs, CarrierTemplates.All, Options()))
        {
            Assert.Equal(4, a.Rows.Count);
            Assert.Equal(4, a.Rows.Distinct().Count());
            var set = Fixture();
            int Tortured(string text) => set.Pairs.Count(p => text.Contains(p.Tortured.Text, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(0, Tortured(a.Clean));
            Assert.Equal([1, 2, 4], a.Tortured.Select(Tortured));
        }
    }

    [Fact]
    public void The_null_baseline_gives_zero_recall_and_chance_auc()
    {
        var result = Run(new NullEvidenceSource());
        Assert.Equal(0, result.Phrases.Recall);
        Assert.Equal(0, result.Phrases.Marks);
        Assert.Null(result.Phrases.AtTargetPrecision);
        Assert.All(result.Documents.ByCount, d => Assert.Equal(0.5, d.Auc));
        Assert.Equal(4, result.UsedRows);
        Assert.Equal(MadeUpPairs.Rows, result.TotalRows);
        Assert.Equal(8, result.Timing.PhraseAnalyses);
        Assert.Equal(200, result.Timing.DocumentAnalyses);
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        var source = ScriptedSource();
        var options = new TorturedEvaluationOptions { AbstractCount = 20, MinAbstractSentences = 4, MaxAbstractSentences = 4, Seed = 3 };
        var a = new TorturedEvaluator(source, options).Evaluate(Fixture());
        var b = new TorturedEvaluator(source, options).Evaluate(Fixture());
        Assert.Equal(a.Phrases with { Sweep = [], ByPosition = [] }, b.Phrases with { Sweep = [], ByPosition = [] });
        Assert.Equal(a.Phrases.Sweep, b.Phrases.Sweep);
        Assert.Equal(a.Phrases.ByPosition, b.Phrases.ByPosition);
        Assert.Equal(a.Documents.ByCount, b.Documents.ByCount);
    }

    [Fact]
    public void Spans_outside_the_text_are_rejected_with_the_source_name()
    {
        var bad = new ScriptedEvidenceSourceOutside();
        var ex = Assert.Throws<InvalidOperationException>(() => Run(bad));
        Assert.Contains("outside", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ScriptedEvidenceSourceOutside : ISpinEvidenceSource
    {
        public string Name => "out of bounds";

        public SpinAnalysis Analyze(string text) => new(0.5, [new EvidenceSpan(text.Length, 3, null, 1)]);
    }
}
