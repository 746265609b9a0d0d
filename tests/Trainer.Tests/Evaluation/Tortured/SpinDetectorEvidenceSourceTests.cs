using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class SpinDetectorEvidenceSourceTests
{
    /// <summary>A scorer that marks "purse" with "bag" and reports the settings it was given.</summary>
    private sealed class PurseScorer : ITextScorer
    {
        public ScoreSettings LastSettings { get; private set; }

        public double DefaultThreshold => 0.5;

        public SpinReport Score(ReadOnlySpan<char> text, in ScoreSettings settings)
        {
            LastSettings = settings;
            var at = text.IndexOf("purse", StringComparison.Ordinal);
            IReadOnlyList<SpinEvidence> evidence = at < 0 ? [] : [new SpinEvidence(at, 5, "purse", "bag", 0.8)];
            return new SpinReport
            {
                Spun = at >= 0,
                Confidence = at < 0 ? 0.1 : 0.9,
                Quality = 1,
                Words = 6,
                Flags = [],
                Evidence = evidence,
            };
        }
    }

    [Fact]
    public void Confidence_and_evidence_become_the_analysis()
    {
        var source = new SpinDetectorEvidenceSource(new SpinDetector(new PurseScorer()), "test");
        var analysis = source.Analyze("The cat is out of the purse.");
        Assert.Equal(0.9, analysis.Probability);
        Assert.Equal(new EvidenceSpan(22, 5, "bag", 0.8), Assert.Single(analysis.Evidence));
        Assert.Equal(0.1, source.Analyze("The cat is out of the bag.").Probability);
        Assert.Equal("test", source.Name);
    }

    [Fact]
    public void Short_texts_are_scored_with_room_for_more_evidence()
    {
        var scorer = new PurseScorer();
        _ = new SpinDetectorEvidenceSource(new SpinDetector(scorer), "test").Analyze("A purse.");
        Assert.Equal(0, scorer.LastSettings.MinWords);
        Assert.Equal(SpinDetectorEvidenceSource.EvaluationOptions.MaxEvidence, scorer.LastSettings.MaxEvidence);
        Assert.True(scorer.LastSettings.MaxEvidence > SpinDetectorOptions.Defaults.MaxEvidence);
    }

    [Fact]
    public void A_missing_model_file_is_a_spin_model_exception_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.model");
        var ex = Assert.Throws<SpinModelException>(() => SpinDetectorEvidenceSource.Open(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
