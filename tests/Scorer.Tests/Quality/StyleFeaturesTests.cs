using SpinDetect.Quality;
using F = SpinDetect.Quality.QualityFeatures;

namespace SpinDetect.Tests.Quality;

public sealed class StyleFeaturesTests
{
    /// <summary>A first-person scene with dialogue, written for this test: another register than a news story.</summary>
    private static readonly string[] Scene =
    [
        "\"I told you he would come back,\" she said, and I saw that her hands were shaking as she set down the cup. \"He always does when the money runs out.\"",
        "I did not answer her. I had heard him on the stairs an hour before, and I had not gone down, because I was afraid of what I might say to him if I did. She knew that, I think, and she did not ask me why.",
    ];

    private static (int Lines, float[] Rows, float[] Document) Extract(string text)
    {
        var scratch = new QualityScratch();
        var lines = QualityFeatureExtractor.Extract(text, scratch, out _);
        return (lines, scratch.Rows.AsSpan(0, lines * F.Count).ToArray(), [.. scratch.DocumentRow]);
    }

    [Fact]
    public void Every_stop_word_has_a_function_word_group_and_other_words_none()
    {
        foreach (var word in new[] { "the", "She", "said", "was", "would", "however", "themselves", "it's" })
        {
            Assert.True(EnglishWords.IsStopWord(word));
            Assert.InRange(EnglishWords.FunctionWordGroup(word), 0, EnglishWords.FunctionWordGroups - 1);
        }

        Assert.Equal(EnglishWords.FunctionWordGroup("she"), EnglishWords.FunctionWordGroup("her"));
        Assert.NotEqual(EnglishWords.FunctionWordGroup("she"), EnglishWords.FunctionWordGroup("he"));
        Assert.Equal(-1, EnglishWords.FunctionWordGroup("bridge"));
        Assert.Equal(-1, EnglishWords.FunctionWordGroup(""));
    }

    [Fact]
    public void Contrast_is_near_zero_for_one_profile_and_large_for_another()
    {
        const int K = QualityFeatureExtractor.StyleClasses;
        var part = new float[K];
        var other = new float[K];
        for (var k = 0; k < K; k++)
        {
            part[k] = 10 + k;
            other[k] = 10 + (K - k) * 3;
        }

        var same = Sum(part, part);
        var mixed = Sum(part, other);
        var (sameEffect, sameSignificance) = QualityFeatureExtractor.StyleContrast(part, same);
        var (effect, significance) = QualityFeatureExtractor.StyleContrast(part, mixed);
        Assert.True(sameEffect <= 0, $"{sameEffect}");
        Assert.True(sameSignificance <= 0, $"{sameSignificance}");
        Assert.True(effect > 0.05f, $"{effect}");
        Assert.True(significance > 10, $"{significance}");

        // Nothing to contrast with: NaN, never an infinity.
        Assert.True(float.IsNaN(QualityFeatureExtractor.StyleContrast(part, part).Effect));
        Assert.True(float.IsNaN(QualityFeatureExtractor.StyleContrast(new float[K], part).Significance));
    }

    [Fact]
    public void An_appended_scene_changes_the_style_where_it_starts()
    {
        var article = Extract(QualityArticles.Join(QualityArticles.Bridge));
        var appended = Extract(QualityArticles.Join(QualityArticles.Bridge.Concat(Scene)));
        Assert.Equal(QualityArticles.Bridge.Length + Scene.Length, appended.Lines);

        var start = QualityArticles.Bridge.Length;
        var boundary = appended.Rows[(start * F.Count) + F.StyleBoundary];
        for (var li = 1; li < start; li++)
        {
            Assert.True(boundary > appended.Rows[(li * F.Count) + F.StyleBoundary], $"line {li}");
        }

        Assert.True(appended.Rows[(start * F.Count) + F.StyleUnit] > appended.Rows[F.StyleUnit]);
        Assert.True(appended.Document[F.DocStyleMaxBoundary] > article.Document[F.DocStyleMaxBoundary]);
        Assert.True(appended.Document[F.DocStyleMaxUnit] > article.Document[F.DocStyleMaxUnit]);
        Assert.True(float.IsNaN(article.Rows[F.StyleBoundary]));

        // The run of units that stands out most is the scene.
        Assert.True(appended.Rows[(start * F.Count) + F.StyleBlock] > appended.Rows[F.StyleBlock]);
        Assert.True(appended.Document[F.DocStyleBlock] > article.Document[F.DocStyleBlock]);
        Assert.False(float.IsNaN(appended.Document[F.DocStyleBlockEffect]));
    }

    [Fact]
    public void A_text_too_short_for_a_style_run_leaves_the_block_features_missing()
    {
        var (lines, rows, document) = Extract("A short note.\n\nAnother short note.\n");
        Assert.Equal(2, lines);
        Assert.True(float.IsNaN(rows[F.StyleBlock]));
        Assert.True(float.IsNaN(document[F.DocStyleBlock]));
    }

    [Fact]
    public void Kept_text_aggregates_set_aside_lines_judged_page_furniture()
    {
        var scratch = new QualityScratch();
        var lines = QualityFeatureExtractor.Extract(QualityArticles.Join(QualityArticles.Bridge.Concat(Scene)), scratch, out _);
        var thresholds = new QualityThresholds();
        float KeptBoundary(float sceneJunk, float sceneUnrelated)
        {
            for (var li = 0; li < lines; li++)
            {
                var scene = li >= QualityArticles.Bridge.Length;
                scratch.Junk[li] = scene ? sceneJunk : 0;
                scratch.Unrelated[li] = scene ? sceneUnrelated : 0;
            }

            QualityAnalyzer.FillAggregates(scratch, lines, thresholds);
            return scratch.DocumentRow[F.AggKeptStyleMaxBoundary];
        }

        // Nothing removed: the same change point as at extraction.
        var all = KeptBoundary(0, 0);
        Assert.Equal(scratch.DocumentRow[F.DocStyleMaxBoundary], all, 3);

        // Removed as foreign content, the scene still counts; removed as boilerplate, it no longer does.
        Assert.Equal(all, KeptBoundary(1, 1), 3);
        Assert.True(KeptBoundary(1, 0) < all);
    }

    private static float[] Sum(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x + y)];
}
