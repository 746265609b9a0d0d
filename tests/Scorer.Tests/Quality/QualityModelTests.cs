using SpinDetect.Model;
using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityModelTests
{
    [Fact]
    public void The_shipped_model_is_found_and_matches_the_schema()
    {
        var path = QualityModel.FindDefaultPath();
        Assert.NotNull(path);
        var model = QualityModel.Load(path);
        Assert.Equal(QualityFeatures.Count, model.Junk.Ensemble.FeatureCount);
        Assert.Equal(QualityScratch.BagSize, model.Idf.Length);
        Assert.InRange(model.Thresholds.Junk, 0.05, 0.95);
    }

    [Fact]
    public void A_file_that_is_not_a_model_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.model");
        File.WriteAllText(path, "hello");
        try
        {
            var error = Assert.Throws<ModelFormatException>(() => QualityModel.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Thresholds_round_trip_through_their_section()
    {
        var thresholds = new QualityThresholds { Junk = 0.42, AppendedFlag = 0.33, UnrelatedMinimumWords = 9 };
        Assert.Equal(thresholds, QualityThresholds.FromBytes(thresholds.ToBytes(), "test"));
        Assert.Throws<FormatException>(() => QualityThresholds.FromBytes("Nonsense=1\n"u8, "test"));
    }
}
