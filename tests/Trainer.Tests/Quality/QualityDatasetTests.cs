using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityDatasetTests
{
    [Fact]
    public void Tempering_moves_probabilities_towards_one_half_without_crossing_it()
    {
        var original = new[] { 0.001f, 0.02f, 0.3f, 0.5f, 0.7f, 0.98f, 0.9999f };
        for (var seed = 0; seed < 50; seed++)
        {
            var tempered = (float[])original.Clone();
            QualityDataset.Temper(tempered, new Random(seed), share: 1);
            for (var i = 0; i < original.Length; i++)
            {
                var distance = Math.Abs(original[i] - 0.5f);
                Assert.True(Math.Abs(tempered[i] - 0.5f) <= distance + 1e-6f, $"{original[i]} -> {tempered[i]}");
                Assert.True(original[i] == 0.5f || (original[i] > 0.5f) == (tempered[i] >= 0.5f), $"{original[i]} -> {tempered[i]}");
            }
        }
    }

    [Fact]
    public void With_no_share_tempering_leaves_probabilities_unchanged()
    {
        var probabilities = new[] { 0.001f, 0.3f, 0.98f };
        QualityDataset.Temper(probabilities, new Random(1), share: 0);
        Assert.Equal([0.001f, 0.3f, 0.98f], probabilities);
    }
}
