using SpinDetect.Model;
using SpinDetect.Quality;
using SpinDetect.Tests.Lexicon;

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

    [Fact]
    public void A_model_trained_with_the_language_model_needs_that_lexicon()
    {
        var shipped = QualityModel.Default;
        var lexicon = TinyLexicon.Load(TinyLexicon.Bytes());
        var withLexicon = new QualityModel(
            shipped.Junk, shipped.Unrelated, shipped.Document, shipped.Appended, shipped.Thresholds, shipped.Idf, shipped.Vectors, shipped.FirstJunk, lexicon);
        var bytes = ModelFile.ToBytes(withLexicon.ToPackage(new ModelMetadata { Description = "test" }));

        var loaded = QualityModel.FromPackage(ModelFile.FromBytes(bytes, "test", QualityModel.Schema), "test", lexicon);
        Assert.Same(lexicon, loaded.Lexicon);
        Assert.Same(lexicon, loaded.With(new QualityThresholds()).Lexicon);
        var missing = Assert.Throws<ModelFormatException>(() => QualityModel.FromPackage(ModelFile.FromBytes(bytes, "test", QualityModel.Schema), "test"));
        Assert.Contains("lexicon", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_trained_without_the_language_model_ignores_a_lexicon()
    {
        var shipped = QualityModel.Default;
        var plain = new QualityModel(
            shipped.Junk, shipped.Unrelated, shipped.Document, shipped.Appended, shipped.Thresholds, shipped.Idf, shipped.Vectors, shipped.FirstJunk);
        var bytes = ModelFile.ToBytes(plain.ToPackage(new ModelMetadata { Description = "test" }));
        var loaded = QualityModel.FromPackage(ModelFile.FromBytes(bytes, "test", QualityModel.Schema), "test", TinyLexicon.Load(TinyLexicon.Bytes()));
        Assert.Null(loaded.Lexicon);
    }

    [Fact]
    public void A_model_is_refused_with_a_lexicon_of_another_size()
    {
        var shipped = QualityModel.Default;
        var tiny = new QualityModel(
            shipped.Junk, shipped.Unrelated, shipped.Document, shipped.Appended, shipped.Thresholds, shipped.Idf, shipped.Vectors, shipped.FirstJunk,
            TinyLexicon.Load(TinyLexicon.Bytes()));
        var directory = Path.Combine(Path.GetTempPath(), $"quality-lexicon-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            // No lexicon beside the file: the shipped one is found, and it is not the one the model was trained with.
            var path = Path.Combine(directory, QualityModel.FileName);
            ModelFile.Write(path, tiny.ToPackage(new ModelMetadata { Description = "test" }));
            var error = Assert.Throws<ModelFormatException>(() => QualityModel.Load(path));
            Assert.Contains("lexicon of size 5 ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
