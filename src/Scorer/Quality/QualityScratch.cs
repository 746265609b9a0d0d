using System.Buffers;
using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Quality;

/// <summary>
/// Per-thread working buffers for one document at a time: tokens, lines, feature rows, hashed bags of words.
/// Rented with <see cref="Rent"/> and handed back with <see cref="Return"/>, so steady-state analysis allocates
/// only its result.
/// </summary>
internal sealed class QualityScratch
{
    /// <summary>Buckets of the hashed bags of words (a power of two).</summary>
    public const int BagSize = 1 << 14;

    [ThreadStatic]
    private static QualityScratch? t_cached;

    public TokenList Tokens { get; } = new(1024);

    public TextLine[] Lines = [];

    /// <summary>The junk lines of the last analysis made for scoring (reused, so scoring allocates no list).</summary>
    public List<JunkLine> JunkLines { get; } = [];

    /// <summary>Per line: index of its first content-word hash in <see cref="WordHashes"/>.</summary>
    public int[] HashStart = [];

    /// <summary>Per line: number of content-word hashes.</summary>
    public int[] HashCount = [];

    /// <summary>Per line: hash of its letters and digits, lower-cased (for repeated lines).</summary>
    public ulong[] LineHashes = [];

    /// <summary>Per line: number of lines with the same hash.</summary>
    public int[] LineDuplicates = [];

    /// <summary>Content-word hashes of the document in order.</summary>
    public uint[] WordHashes = [];

    /// <summary>Row-major feature rows, <see cref="QualityFeatures.Count"/> per line.</summary>
    public float[] Rows = [];

    /// <summary>The document row.</summary>
    public float[] DocumentRow { get; } = new float[QualityFeatures.Count];

    /// <summary>Inverse document frequency per bag bucket (quantised), or null to weigh every word alike. Set by the
    /// caller from the model before extraction.</summary>
    public byte[]? Idf { get; set; }

    /// <summary>Word vectors for the topic features, or null to leave those features missing. Set by the caller
    /// from the model before extraction.</summary>
    public QualityVectors? Vectors { get; set; }

    /// <summary>Per line: the weighted sum of its content words' vectors (<see cref="QualityVectors.Dimensions"/> each).</summary>
    public float[] LineVectors = [];

    /// <summary>Per line: the total weight of its words that have a vector.</summary>
    public float[] LineWeights = [];

    /// <summary>Per paragraph: the weighted sum of its content words' vectors.</summary>
    public float[] ParagraphVectors = [];

    /// <summary>Per paragraph: its topic features (<c>QualityFeatureExtractor.TopicColumns</c> each).</summary>
    public float[] ParagraphTopics = [];

    /// <summary>Gram matrix of the paragraph prefix sums, (paragraphs + 1)² entries, for the block search.</summary>
    public double[] Gram = [];

    /// <summary>Per paragraph prefix: the total word weight before it.</summary>
    public double[] PrefixWeights = [];

    /// <summary>Per line: its style profile, <c>QualityFeatureExtractor.StyleClasses</c> token counts.</summary>
    public float[] StyleCounts = [];

    /// <summary>The reference language model of the register-shift features, or null (those features are then missing).</summary>
    public ReferenceLexicon? Lexicon { get; set; }

    /// <summary>Per-line language-model counts (<see cref="LanguageModelFeatures.Counts"/> per line).</summary>
    public float[] LanguageCounts = [];

    /// <summary>Per-unit sums of <see cref="LanguageCounts"/>.</summary>
    public float[] UnitLanguage = [];

    /// <summary>Per topic unit: its style profile (the sum of its lines').</summary>
    public float[] UnitStyle = [];

    /// <summary>Prefix sums of the unit style profiles, (units + 1) of them, for the style block search.</summary>
    public float[] StylePrefix = [];

    /// <summary>Per unit: the largest style effect of the runs through it; then, per run end, the effects of the
    /// runs from one start (the block search's working space).</summary>
    public float[] StyleRuns = [];

    public ushort[] DocumentBag { get; } = new ushort[BagSize];

    public ushort[] HeadBag { get; } = new ushort[BagSize];

    /// <summary>Per line: junk probability from the line model.</summary>
    public float[] Junk = [];

    /// <summary>Per line: probability that the line comes from another document.</summary>
    public float[] Unrelated = [];

    /// <summary>Takes this thread's scratch space (or a new one when it is in use).</summary>
    public static QualityScratch Rent()
    {
        var scratch = t_cached ?? new QualityScratch();
        t_cached = null;
        return scratch;
    }

    /// <summary>Gives scratch space back to this thread; very large buffers are released to the pool.</summary>
    public static void Return(QualityScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (scratch.Rows.Length > 1 << 20)
        {
            ArrayPool<float>.Shared.Return(scratch.Rows);
            scratch.Rows = [];
        }

        t_cached = scratch;
    }

    /// <summary>Makes the per-line buffers hold at least <paramref name="lines"/> lines.</summary>
    public void EnsureLines(int lines)
    {
        ScratchPool.Ensure(ref HashStart, lines);
        ScratchPool.Ensure(ref HashCount, lines);
        ScratchPool.Ensure(ref LineHashes, lines);
        ScratchPool.Ensure(ref LineDuplicates, lines);
        ScratchPool.Ensure(ref Rows, lines * QualityFeatures.Count);
        ScratchPool.Ensure(ref Junk, lines);
        ScratchPool.Ensure(ref Unrelated, lines);
        ScratchPool.Ensure(ref StyleCounts, lines * QualityFeatureExtractor.StyleClasses);
        ScratchPool.Ensure(ref UnitStyle, lines * QualityFeatureExtractor.StyleClasses);
        ScratchPool.Ensure(ref StylePrefix, (lines + 1) * QualityFeatureExtractor.StyleClasses);
        ScratchPool.Ensure(ref StyleRuns, (2 * lines) + 2);
        ScratchPool.Ensure(ref LanguageCounts, lines * LanguageModelFeatures.Counts);
        ScratchPool.Ensure(ref UnitLanguage, lines * LanguageModelFeatures.Counts);
    }

    /// <summary>Makes the topic buffers hold <paramref name="lines"/> lines of <paramref name="dimensions"/>-long vectors.</summary>
    public void EnsureTopics(int lines, int dimensions, int columns)
    {
        ScratchPool.Ensure(ref LineVectors, lines * dimensions);
        ScratchPool.Ensure(ref LineWeights, lines);
        ScratchPool.Ensure(ref ParagraphVectors, ((2 * lines) + 1) * dimensions); // unit vectors, then their prefix sums
        ScratchPool.Ensure(ref ParagraphTopics, lines * columns);
    }
}
