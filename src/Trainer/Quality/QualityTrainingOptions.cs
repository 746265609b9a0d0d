using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Quality;

/// <summary>Options of <see cref="QualityTrainer"/> and <see cref="QualityEvaluator"/>, with their defaults in one place.</summary>
internal sealed record QualityTrainingOptions
{
    /// <summary>Generated documents for the line models. Default 3000.</summary>
    public int LineDocuments { get; init; } = 3000;

    /// <summary>Generated documents for calibration, the document model and threshold tuning. Default 1500.</summary>
    public int DocumentDocuments { get; init; } = 1500;

    /// <summary>Documents the document models are fitted on, as a multiple of <see cref="LineDocuments"/>: a document
    /// is one row there, and only a quarter of them have a foreign block, so they need many more documents than the
    /// line models (which get a row per line) to rank appended content well. Default 36 (held-out appended AUC at
    /// seeds 7, 8, 9: 0.9746, 0.9788, 0.9736 with 12; 0.9766, 0.9799, 0.9754 with 36).</summary>
    public int DocumentModelMultiple { get; init; } = 36;

    /// <summary>Documents the flag thresholds are chosen on, as a multiple of <see cref="LineDocuments"/>. More of
    /// them shrink the standard error behind <see cref="AppendedFlagMargin"/>, but the margin also has to absorb the
    /// shift between held-in pages and pages from other sources: with 4 (a margin of 0.34 points instead of 0.69) the
    /// held-in rate was 0.0164 at seeds 7, 8, 9 and the held-out rate 0.0226, 0.0208, 0.0215. Default 1.</summary>
    public int FlagDocumentMultiple { get; init; } = 1;

    /// <summary>Documents the flag thresholds are chosen on (<see cref="FlagDocumentMultiple"/> ×
    /// <see cref="LineDocuments"/>).</summary>
    public int FlagDocuments => FlagDocumentMultiple * LineDocuments;

    /// <summary>Generated held-out documents for evaluation. Default 2000.</summary>
    public int TestDocuments { get; init; } = 2000;

    /// <summary>Seed of all generation. Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Largest share of clean held-in documents any flag may fire on while thresholds are tuned. Default 0.01.</summary>
    public double CleanFlagBudget { get; init; } = 0.01;

    /// <summary>Reference lexicon whose words the topic vectors cover, or null to train without topic features.</summary>
    public string? LexiconPath { get; init; }

    /// <summary>Word embeddings for <see cref="LexiconPath"/>, or null to train without topic features.</summary>
    public string? EmbeddingsPath { get; init; }

    /// <summary>Words in the topic-vector table (the most frequent content words). Default 40000.</summary>
    public int VectorWords { get; init; } = 40000;

    /// <summary>Dimensions of the topic vectors (leading principal components). Default 48.</summary>
    public int VectorDimensions { get; init; } = 48;

    /// <summary>Largest share of held-in documents without foreign content that may get
    /// <c>appended-unrelated</c> while its threshold is tuned: the flag's false-positive target. Default 0.02.</summary>
    public double AppendedFlagBudget { get; init; } = 0.02;

    /// <summary>Standard errors of the held-in false-positive estimate by which the tuned <c>appended-unrelated</c>
    /// rate stays below <see cref="AppendedFlagBudget"/> (one standard error is about 0.3 points on the tuning
    /// documents). The held-in rate and the rate on another sample of as many pages each carry that error, their
    /// difference √2 times it; 1.645 · √2 ≈ 2.33 keeps the other sample's rate within the target with about 95%
    /// confidence (one-sided). With a margin of 1 the test rate of one seed in three exceeded the target (0.0259).
    /// Default 2.33.</summary>
    public double AppendedFlagMargin { get; init; } = 1.645 * Math.Sqrt(2);

    /// <summary>Share of the second stage's training lines whose first-stage junk probability, where other lines read it
    /// as a neighbour's, is tempered (its
    /// log-odds multiplied by a uniform draw in [0, 1], so it moves towards 0.5 without crossing it) before the
    /// context columns are written. The first stage has seen the training wording of the page furniture, so on the
    /// second stage's training documents it says nearly 0 or 1, while page furniture worded as it never saw gets a
    /// middling probability at run time: untempered, where the second stage splits its neighbour columns in that
    /// empty middle is left to chance, and at one seed in three every article paragraph after a middling line was
    /// removed. Default 0.5.</summary>
    public double ContextTemperShare { get; init; } = 0.5;

    /// <summary>F1 below the best held-in F1 within which junk thresholds count as equally good; the middle of
    /// those is chosen, as the single best point wandered between 0.425 and 0.575 from one retrain to the next on
    /// a flat F1 curve. Default 0.002.</summary>
    public double JunkThresholdTolerance { get; init; } = 0.002;

    /// <summary>Lowest junk threshold: a line is removed only when the second stage finds it at least as likely junk
    /// as article text, since a removed article line costs the reader more than a kept line of page furniture (the
    /// F1-best threshold of calibrated probabilities is about half the best F1, so just under 0.5). Default 0.5.</summary>
    public double MinimumJunkThreshold { get; init; } = 0.5;

    /// <summary>Corruption mix.</summary>
    public CorruptionOptions Corruption { get; init; } = new();

    /// <summary>Learner options of the two line models: small trees, few of them, because they run on every line.</summary>
    public BoostedTreeOptions LineLearner { get; init; } = new()
    {
        NumberOfTrees = 250,
        EarlyStoppingRounds = 25,
        NumberOfLeaves = 16,
        MinimumExampleCountPerLeaf = 20,
        LearningRate = 0.15,
        FeatureFraction = 0.8,
        BaggingFraction = 0.8,
    };

    /// <summary>Learner options of the document model.</summary>
    public BoostedTreeOptions DocumentLearner { get; init; } = new()
    {
        NumberOfTrees = 600,
        EarlyStoppingRounds = 40,
        NumberOfLeaves = 24,
        MinimumExampleCountPerLeaf = 20,
        LearningRate = 0.05,
        FeatureFraction = 0.8,
        BaggingFraction = 0.8,
    };
}
