using SpinDetect.Quality;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Tests.Quality;

public sealed class QualityVectorsTests
{
    // Two made-up topics on two axes of a four-dimensional space; the other axes carry small word-specific noise.
    private static readonly string[] Sea =
        ["harbour", "ships", "sailors", "cargo", "docks", "fleet", "anchor", "voyage", "captain", "tide", "crew", "port"];

    private static readonly string[] Code =
        ["compiler", "function", "variable", "module", "syntax", "parser", "argument", "integer", "string", "method"];

    /// <summary>A table where every sea word points along axis 0 and every code word along axis 1.</summary>
    internal static QualityVectors TwoTopics()
    {
        var words = Sea.Concat(Code).ToArray();
        var hashes = new uint[words.Length];
        var vectors = new sbyte[words.Length * 4];
        var scales = new float[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            hashes[i] = TextPatterns.WordHash(words[i]);
            var axis = i < Sea.Length ? 0 : 1;
            vectors[(i * 4) + axis] = 120;
            vectors[(i * 4) + 2] = (sbyte)((i % 3) * 10);
            vectors[(i * 4) + 3] = (sbyte)((i % 5) * 8);
            scales[i] = 1f / 127;
        }

        return new QualityVectors(4, hashes, vectors, scales);
    }

    [Fact]
    public void Lookup_adds_the_weighted_vector_and_reports_unknown_words()
    {
        var table = TwoTopics();
        var target = new float[4];
        Assert.True(table.AddTo(TextPatterns.WordHash("harbour"), 2f, target));
        Assert.Equal(2f * 120 / 127, target[0], 5);
        Assert.Equal(0f, target[1]);
        Assert.False(table.AddTo(TextPatterns.WordHash("elephant"), 1f, target));
        Assert.False(table.AddTo(0, 1f, target));
        Assert.Equal(2f * 120 / 127, target[0], 5);
    }

    [Fact]
    public void The_table_round_trips_through_its_section()
    {
        var table = TwoTopics();
        var copy = QualityVectors.FromBytes(table.ToBytes());
        Assert.Equal(table.Count, copy.Count);
        Assert.Equal(table.Dimensions, copy.Dimensions);
        Assert.Equal(table.ToBytes(), copy.ToBytes());
        Assert.Throws<FormatException>(() => QualityVectors.FromBytes(table.ToBytes().AsSpan(0, 20)));
        Assert.Throws<FormatException>(() => QualityVectors.FromBytes("nonsense-bytes"u8));
    }

    [Fact]
    public void Repeated_or_zero_hashes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new QualityVectors(1, [5, 5], [1, 2], [1, 1]));
        Assert.Throws<ArgumentException>(() => new QualityVectors(1, [0], [1], [1]));
        Assert.Throws<ArgumentException>(() => new QualityVectors(2, [5], [1], [1]));
    }

    [Fact]
    public void Cosines_of_sums_and_of_a_part_with_the_rest()
    {
        Assert.Equal(1f, QualityVectors.Cosine([1, 1], [2, 2]), 5);
        Assert.Equal(0f, QualityVectors.Cosine([1, 0], [0, 3]), 5);
        Assert.True(float.IsNaN(QualityVectors.Cosine([0, 0], [1, 0])));

        // Part (1, 0) of whole (1, 1): the rest is (0, 1).
        Assert.Equal(0f, QualityVectors.CosineWithRest([1, 0], [1, 1]), 5);
        Assert.True(float.IsNaN(QualityVectors.CosineWithRest([1, 1], [1, 1])));
    }

    [Fact]
    public void An_appended_paragraph_on_another_topic_scores_low_on_topic_coherence()
    {
        string[] article =
        [
            "The captain brought the fleet into the harbour at dawn, and the crew began to unload the cargo onto the docks.",
            "Sailors from every ship in port lined the docks to watch, because the voyage had been long and the tide was late.",
            "By noon the cargo was ashore, the anchor chains were checked, and the captain thanked the crew of each ship.",
            "The harbour master said the fleet would stay in port until the next tide, when the sailors would sail again.",
            "Along the docks the crew of every ship repaired what the voyage had broken, while the captain counted the cargo.",
        ];
        const string Foreign =
            "The compiler checks every function and variable in the module, and the parser reports syntax errors in each method argument.";
        var text = QualityArticles.Join([.. article, Foreign]);
        // Every word equally rare: weight 1 + 48 / 16 = 4 each, so the foreign paragraph is heavy enough for a run.
        var idf = Enumerable.Repeat((byte)48, QualityScratch.BagSize).ToArray();
        var scratch = new QualityScratch { Vectors = TwoTopics(), Idf = idf };
        var count = QualityFeatureExtractor.Extract(text, scratch, out _);
        Assert.Equal(article.Length + 1, count);

        float Column(int line, int column) => scratch.Rows[(line * F.Count) + column];
        var foreign = count - 1;
        var dump = string.Join("; ", Enumerable.Range(0, count).Select(li =>
            $"{Column(li, F.TopicParagraphDocument):F2} {Column(li, F.TopicBlock):F2} {Column(li, F.TopicBoundary):F2}")) + $" doc {scratch.DocumentRow[F.DocTopicMinBlock]:F2}";
        for (var li = 0; li < foreign; li++)
        {
            Assert.True(Column(li, F.TopicParagraphDocument) > Column(foreign, F.TopicParagraphDocument) + 0.5f, dump);
            Assert.True(Column(li, F.TopicBlock) > Column(foreign, F.TopicBlock), dump);
        }

        Assert.True(Column(foreign, F.TopicParagraphDocument) < 0.2f, dump);
        Assert.True(Column(foreign, F.TopicBoundary) < 0.2f, dump);
        Assert.True(scratch.DocumentRow[F.DocTopicMinBlock] < 0.2f, dump);
        Assert.Equal(1f, Column(foreign, F.TopicInForeignRun));
        Assert.Equal(0f, Column(0, F.TopicInForeignRun));

        // The second stage learns the first stage's mean over that run.
        QualityFeatureExtractor.WriteJunkContext(scratch, count, [0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.7f]);
        Assert.Equal(0.7f, Column(0, F.ContextJunkForeignRun), 5);

        // Without vectors the topic columns are missing, not zero.
        var plain = new QualityScratch();
        QualityFeatureExtractor.Extract(text, plain, out _);
        Assert.True(float.IsNaN(plain.Rows[F.TopicParagraphDocument]));
        Assert.True(float.IsNaN(plain.DocumentRow[F.DocTopicMinBlock]));
    }

    [Fact]
    public void Context_columns_describe_the_first_stage_around_each_line()
    {
        var text = QualityArticles.Join(QualityArticles.Bridge[..3]);
        var scratch = new QualityScratch();
        var count = QualityFeatureExtractor.Extract(text, scratch, out _);
        Assert.Equal(3, count);
        Assert.True(float.IsNaN(scratch.Rows[F.ContextJunk]));

        QualityFeatureExtractor.WriteJunkContext(scratch, count, [0.2f, 0.9f, 0.4f]);
        float Column(int line, int column) => scratch.Rows[(line * F.Count) + column];
        Assert.Equal(0.9f, Column(1, F.ContextJunk));
        Assert.Equal(0.2f, Column(1, F.ContextJunkPrevious));
        Assert.Equal(0.4f, Column(1, F.ContextJunkNext));
        Assert.True(float.IsNaN(Column(0, F.ContextJunkPrevious)));
        Assert.Equal(0.9f, Column(2, F.ContextJunkBeforeMax));
        Assert.Equal(0.55f, Column(2, F.ContextJunkBeforeMean), 5);
        Assert.Equal(0.65f, Column(0, F.ContextJunkAfterMean), 5);
        Assert.True(float.IsNaN(Column(2, F.ContextJunkAfterMean)));
        Assert.Equal(0.9f, Column(1, F.ContextJunkUnitMean), 5);
        Assert.True(float.IsNaN(Column(0, F.ContextJunkForeignRun))); // no vectors, no foreign run
    }
}
