using System.Text;

namespace SpinDetect.Tests;

public sealed class SpinDetectorTests
{
    private static readonly SpinDetectorOptions Short = new() { MinWords = 5 };

    [Fact]
    public void Default_is_the_shipped_model_found_beside_the_assembly()
    {
        var shipped = ModelAssets.Candidates().First(File.Exists);
        const string Spun = "The cat is previously out of the purse, and the hires said on Monday that the stage would be "
            + "delayed for many seasons while the council looks for a fresh batch of clients to finance the work.";
        ReportAssert.Same(SpinDetector.Load(shipped).Score(Spun), SpinDetector.Default.Score(Spun));
    }

    [Fact]
    public void A_missing_default_model_says_where_it_looked_and_how_to_load_one()
    {
        var folder = Directory.CreateTempSubdirectory("spindetect-no-model-").FullName;
        try
        {
            string[] candidates = [Path.Combine(folder, "models", "spin.model")];
            var error = Assert.Throws<SpinModelException>(() => ModelAssets.OpenDefault(candidates));
            Assert.Contains(candidates[0], error.Message, StringComparison.Ordinal);
            Assert.Contains("SpinDetector.Load(path)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_of_a_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.model");
        var error = Assert.Throws<SpinModelException>(() => SpinDetector.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_a_file_that_is_not_a_model_is_refused_never_scored()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");
            var error = Assert.Throws<SpinModelException>(() => SpinDetector.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_of_a_folder_asks_for_the_file()
    {
        var error = Assert.Throws<SpinModelException>(() => SpinDetector.Load(Path.GetTempPath()));
        Assert.Contains("folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 10, 0, 0.5)]
    [InlineData(1.5, 10, 0, 0.5)]
    [InlineData(double.NaN, 10, 0, 0.5)]
    [InlineData(0.5, -1, 0, 0.5)]
    [InlineData(0.5, 10, -3, 0.5)]
    [InlineData(0.5, 10, 0, -0.1)]
    [InlineData(0.5, 10, 0, 1.5)]
    [InlineData(0.5, 10, 0, double.NaN)]
    public void Out_of_range_options_are_rejected(double threshold, int maxEvidence, int minWords, double minEvidenceScore)
    {
        var options = new SpinDetectorOptions { Threshold = threshold, MaxEvidence = maxEvidence, MinWords = minWords, MinEvidenceScore = minEvidenceScore };
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpinDetector(new FakeTextScorer(), options));
    }

    [Fact]
    public void Threshold_defaults_to_the_models_and_options_override_it()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        Assert.Equal(0.5, detector.Threshold);
        var text = "One purse among very many other quite ordinary words in this sentence here today.";
        var confidence = detector.Score(text).Confidence;
        Assert.True(confidence is > 0 and < 1);
        Assert.True(detector.WithOptions(new SpinDetectorOptions { MinWords = 5, Threshold = confidence }).Score(text).Spun);
        Assert.False(detector.WithOptions(new SpinDetectorOptions { MinWords = 5, Threshold = Math.BitIncrement(confidence) }).Score(text).Spun);
    }

    [Fact]
    public void String_and_span_overloads_agree_and_span_offsets_are_relative_to_the_span()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        const string text = "They let the cat out of the purse before the meeting.";
        var buffer = ("HEADER " + text + " FOOTER").AsSpan(7, text.Length);
        ReportAssert.Same(detector.Score(text), detector.Score(buffer));
        Assert.Equal("purse", text.Substring(detector.Score(buffer).Evidence[0].Offset, 5));
    }

    [Fact]
    public void Many_threads_on_one_detector_get_the_answers_of_one_thread() =>
        ReportAssert.SameOnManyThreads(new SpinDetector(new FakeTextScorer(), Short), Enumerable.Range(0, 200).Select(Article).ToArray());

    [Fact]
    public async Task ScoreAllAsync_keeps_input_order_whatever_the_parallelism()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        var texts = Enumerable.Range(0, 300).Select(Article).ToArray();
        var one = await Collect(detector.ScoreAllAsync(Async(texts), 1));
        var four = await Collect(detector.ScoreAllAsync(Async(texts), 4));
        Assert.Equal(texts.Length, one.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            ReportAssert.Same(detector.Score(texts[i]), one[i]);
            ReportAssert.Same(one[i], four[i]);
        }
    }

    [Fact]
    public async Task ScoreAllAsync_stops_when_cancelled()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in detector.ScoreAllAsync(Endless(), 2, cts.Token))
            {
                if (++seen == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(seen, 10, 10 + (2 * 4));
    }

    [Fact]
    public void ScoreAllAsync_refuses_a_parallelism_it_could_not_honour_when_called()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        Assert.Throws<ArgumentOutOfRangeException>(() => detector.ScoreAllAsync(Endless(), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => detector.ScoreAllAsync(Endless(), -1));
    }

    [Fact]
    public void Two_reports_on_one_text_are_equal_and_hash_alike()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        var text = Article(3);
        var first = detector.Score(text);
        var second = detector.Score(text);
        Assert.NotEmpty(first.Evidence);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, first with { Flags = ["garbled"] });
        Assert.NotEqual(first, first with { Evidence = [] });
    }

    [Fact]
    public void An_input_limit_beyond_what_a_string_holds_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SpinDetector(new FakeTextScorer(), new SpinDetectorOptions { MaxInputBytes = 4L << 30 }));
        Assert.Equal(nameof(SpinDetectorOptions.MaxInputBytes), error.ParamName);
    }

    [Fact]
    public void Score_of_a_stream_decodes_utf16_and_flags_invalid_utf8()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        const string text = "The whole cat came out of the purse on Monday.";
        var utf16 = new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        ReportAssert.Same(detector.Score(text), detector.Score(utf16));

        var invalid = new MemoryStream([.. Encoding.UTF8.GetBytes(text), 0xC3, 0x28, (byte)' ', (byte)'x']);
        var report = detector.Score(invalid);
        Assert.Contains("invalid-encoding", report.Flags);
        Assert.Equal(detector.Score(text).Words + 1, report.Words);
    }

    [Fact]
    public void Score_of_an_empty_or_binary_stream_throws_InvalidDataException()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => detector.Score(new MemoryStream())).Message, StringComparison.Ordinal);
        Assert.Contains("binary", Assert.Throws<InvalidDataException>(() => detector.Score(new MemoryStream([65, 0, 66]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_of_a_stream_over_the_size_limit_is_refused()
    {
        var detector = new SpinDetector(new FakeTextScorer(), new SpinDetectorOptions { MaxInputBytes = 100 });
        var big = new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 101)));
        Assert.Contains("too large", Assert.Throws<InvalidDataException>(() => detector.Score(big)).Message, StringComparison.Ordinal);
        big.Position = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() => detector.ScoreAsync(big));
    }

    [Fact]
    public void ScoreFile_names_the_file_it_refuses()
    {
        var detector = new SpinDetector(new FakeTextScorer(), Short);
        var path = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => detector.ScoreFile(path));
            Assert.StartsWith(path + ": empty", error.Message, StringComparison.Ordinal);
            File.WriteAllText(path, "Out of the purse came the cat, and nobody expected it.");
            Assert.Single(detector.ScoreFile(path).Evidence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string Article(int i) =>
        $"Article {i}. " + string.Concat(Enumerable.Range(0, 5 + (i % 17)).Select(k => (k * 7 + i) % 5 == 0 ? "the purse " : "a sentence of words. "));

    private static async IAsyncEnumerable<string> Async(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return text;
        }
    }

    private static async IAsyncEnumerable<string> Endless()
    {
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            yield return Article(i);
        }
    }

    private static async Task<List<SpinReport>> Collect(IAsyncEnumerable<SpinReport> reports)
    {
        var list = new List<SpinReport>();
        await foreach (var report in reports)
        {
            list.Add(report);
        }

        return list;
    }
}
