using System.Text;
using SpinDetect.Features;
using SpinDetect.Model;

namespace SpinDetect.Tests.Model;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-model-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_written_model_reads_back_with_the_same_trees_metadata_and_sections()
    {
        var path = Path.Combine(_directory, "m.model");
        var extra = new Dictionary<string, byte[]> { ["lexicon-ref"] = [1, 2, 3] };

        ModelFile.Write(path, Fixtures.Package(extra));
        var loaded = ModelFile.Read(path, Fixtures.Schema());

        var ensemble = loaded.GetEnsemble("document");
        Assert.Equal(Fixtures.Ensemble().Nodes.ToArray(), ensemble.Ensemble.Nodes.ToArray());
        Assert.Equal(Fixtures.Ensemble().Leaves.ToArray(), ensemble.Ensemble.Leaves.ToArray());
        Assert.Equal(new PlattCalibrator(1.5, -0.2), ensemble.Calibrator);
        float[] row = [1f, 0.7f, float.NaN];
        Assert.Equal(Fixtures.Package().GetEnsemble("document").Probability(row), ensemble.Probability(row));
        Assert.Equal("fixture", loaded.Metadata.Description);
        Assert.Equal(0.9, loaded.Metadata.Metrics["auc"]);
        Assert.True(double.IsNaN(loaded.Metadata.Metrics["nan"]));
        Assert.Equal("0.2", loaded.Metadata.Options["LearningRate"]);
        Assert.Equal("abc", loaded.Metadata.DataHashes["train"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), loaded.Metadata.TrainedAtUtc);
        Assert.Equal(Fixtures.FeatureNames, loaded.Schema.FeatureNames);
        Assert.Equal([1, 2, 3], loaded.ExtraSections["lexicon-ref"]);
        Assert.Throws<KeyNotFoundException>(() => loaded.GetEnsemble("token"));
    }

    [Fact]
    public void Writing_is_deterministic_and_leaves_no_temporary_files()
    {
        var path = Path.Combine(_directory, "m.model");

        ModelFile.Write(path, Fixtures.Package());
        var first = File.ReadAllBytes(path);
        ModelFile.Write(path, Fixtures.Package());

        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(first, ModelFile.ToBytes(ModelFile.FromBytes(first, "memory")));
        Assert.Single(Directory.GetFiles(_directory));
        Assert.Contains("\"trainedAtUtc\"", Encoding.UTF8.GetString(first));

        // Golden: the fixture's bytes as this format writes them. A deliberate format change (with its version) updates
        // the hash; an accidental one (field order, number formatting, padding) fails here.
        Assert.Equal(GoldenSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));
    }

    private const string GoldenSha256 = "53a66bef724d95aa894d08219c4e1b20289f1455bd1f8d8861b52d15c2106259";

    [Fact]
    public void A_truncated_file_is_reported_as_truncated()
    {
        var bytes = ModelFile.ToBytes(Fixtures.Package());

        foreach (var length in new[] { 10, 30, bytes.Length / 2, bytes.Length - 1 })
        {
            var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes[..length], "cut.model"));
            Assert.Contains("cut.model", error.Message);
            Assert.Contains("truncated", error.Message);
        }
    }

    [Fact]
    public void A_flipped_byte_is_reported_as_corrupt()
    {
        var bytes = ModelFile.ToBytes(Fixtures.Package());

        foreach (var position in new[] { 25, bytes.Length / 2, bytes.Length - 40 })
        {
            var copy = (byte[])bytes.Clone();
            copy[position] ^= 0x40;
            var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(copy, "bad.model"));
            Assert.Contains("corrupt", error.Message);
        }
    }

    [Fact]
    public void A_foreign_or_newer_file_is_rejected_clearly()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "this is not a model, just some text long enough to have a header");
        var foreign = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));
        Assert.Contains("not a SpinDetect model file", foreign.Message);
        Assert.Contains(path, foreign.Message);

        var bytes = ModelFile.ToBytes(Fixtures.Package());
        bytes[8] = 99;
        var newer = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "new.model"));
        Assert.Contains("format version 99", newer.Message);

        var missing = Assert.Throws<ModelFormatException>(() => ModelFile.Read(Path.Combine(_directory, "absent.model")));
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public void A_token_model_of_the_schema_before_the_slot_features_is_rejected_naming_both_versions()
    {
        // Schema 4 had 46 columns: is_unknown and the first 45 of today's; schema 5 added the seven slot columns and
        // schema 6 dropped is_unknown.
        var oldSchema = new FeatureSchema("spin-token", 4, ["is_unknown", .. TokenFeatures.Names[..45]]);
        var ensemble = new TreeEnsemble(featureCount: 46, bias: 0, nodes: [], leaves: [0.25], roots: [~0]);
        var package = new ModelPackage(new ModelMetadata { Description = "old" }, oldSchema,
            [new CalibratedEnsemble("spin-token", ensemble, new PlattCalibrator(1, 0))]);

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(ModelFile.ToBytes(package), "old.model", SpinModel.TokenSchema));
        Assert.Contains($"version 4 differs from version {TokenFeatures.SchemaVersion}", error.Message);
        Assert.Contains("old.model", error.Message);
    }

    [Fact]
    public void Loading_for_another_feature_schema_names_the_difference()
    {
        var bytes = ModelFile.ToBytes(Fixtures.Package());

        var reordered = new FeatureSchema("test-schema", 1, ["length", "count", "ratio"]);
        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "m.model", reordered));
        Assert.Contains("another feature schema", error.Message);
        Assert.Contains("feature 1 is 'ratio', expected 'count'", error.Message);

        var newerVersion = new FeatureSchema("test-schema", 2, Fixtures.FeatureNames);
        Assert.Contains("version 1 differs from version 2", Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "m.model", newerVersion)).Message);
    }

    [Fact]
    public void Reserved_section_names_and_mismatched_ensembles_are_refused_when_writing()
    {
        var reserved = new Dictionary<string, byte[]> { ["schema"] = [1] };
        Assert.Throws<ArgumentException>(() => ModelFile.ToBytes(Fixtures.Package(reserved)));

        var narrow = new TreeEnsemble(2, 0, [], [1], [~0]);
        Assert.Throws<ArgumentException>(() => new ModelPackage(new ModelMetadata(), Fixtures.Schema(), [new CalibratedEnsemble("x", narrow, PlattCalibrator.Identity)]));
    }
}
