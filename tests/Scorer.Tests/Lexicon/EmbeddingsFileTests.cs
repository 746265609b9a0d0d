using System.Buffers.Binary;
using SpinDetect.Lexicon;
using static SpinDetect.Tests.Lexicon.TinyEmbeddings;

namespace SpinDetect.Tests.Lexicon;

public sealed class EmbeddingsFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-embeddings-file-").FullName;
    private readonly ReferenceLexicon _lexicon = LoadLexicon();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private byte[] TinyBytes() => File.ReadAllBytes(Write(_directory, _lexicon));

    private LexiconFormatException LoadFails(byte[] bytes)
    {
        var path = Path.Combine(_directory, "damaged.emb");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<LexiconFormatException>(() => WordEmbeddings.Load(path, _lexicon));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Writing_is_deterministic_atomic_and_sized_as_documented()
    {
        var first = TinyBytes();
        var path = Write(_directory, _lexicon);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".tmp"));
        Assert.Equal(EmbeddingsFile.HeaderSize + EmbeddingsFile.BitmapBytes(5) + (5 * Dimensions), first.Length);
        Assert.Equal(0b0000_0001, first[EmbeddingsFile.HeaderSize]); // only word 0 is missing
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(EmbeddingsFile.HeaderSize)]
    [InlineData(EmbeddingsFile.HeaderSize + 4)]
    [InlineData(-1)]
    public void Truncated_file_is_reported_as_truncated(int keep)
    {
        var bytes = TinyBytes();
        var error = LoadFails(bytes[..(keep < 0 ? bytes.Length + keep : keep)]);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var error = LoadFails([.. TinyBytes(), 0]);
        Assert.Contains("unexpected bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_byte_corruption_is_detected()
    {
        var bytes = TinyBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            LoadFails(damaged);
        }
    }

    [Fact]
    public void Foreign_file_is_named_as_foreign()
    {
        var error = LoadFails(TinyLexicon.Bytes());
        Assert.Contains("not a SpinDetect embeddings file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_format_version_asks_for_a_rebuild()
    {
        var bytes = TinyBytes();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), EmbeddingsFile.FormatVersion + 1);
        var error = LoadFails(bytes);
        Assert.Contains("format version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_bit_that_disagrees_with_the_vector_is_reported_even_with_valid_checksums()
    {
        var bytes = TinyBytes();
        var bitmap = bytes.AsSpan(EmbeddingsFile.HeaderSize, EmbeddingsFile.BitmapBytes(5));
        bitmap[0] |= 0b0000_0010; // mark "bag" missing although it has a vector
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32), Checksum64.Compute(bitmap));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(48), Checksum64.Compute(bytes.AsSpan(0, 48)));
        var error = LoadFails(bytes);
        Assert.Contains("word 1 is marked missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_file_gives_file_not_found_with_the_build_command()
    {
        var path = Path.Combine(_directory, "absent.emb");
        var error = Assert.Throws<FileNotFoundException>(() => WordEmbeddings.Load(path, _lexicon));
        Assert.Contains("build-embeddings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_rejects_a_vector_array_that_is_not_whole_rows()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => EmbeddingsFile.Write(stream, 3, 0, new sbyte[7]));
    }
}
