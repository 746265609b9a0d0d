using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class RDataFileTests
{
    [Fact]
    public void Character_vectors_are_read_from_a_lazy_load_database_and_split_into_chapters()
    {
        string[] first = ["A NOVEL", "", "VOLUME I", "", "CHAPTER I", "", "It was a _truth_ that a man", "wanted a wife.", "", "She agreed.", "CHAPTER II", "", "Later on."];
        string[] second = ["Another Tale", "Chapter 1", "Short and sweet."];
        var database = Concat(Serialize(first), Serialize(second));

        var vectors = RDataFile.ReadStringVectors(database, "fixture.rdb");
        var chapters = NovelChapters.Split(vectors[0], "austen", "literary");

        Assert.Equal(2, vectors.Count);
        Assert.Equal(first, vectors[0]);
        Assert.Equal(second, vectors[1]);
        Assert.Equal(["austen/a-novel/01", "austen/a-novel/02"], chapters.Select(c => c.Id));
        Assert.Equal("It was a truth that a man wanted a wife.\n\nShe agreed.", chapters[0].Text);
        Assert.Equal("Later on.", chapters[1].Text);
    }

    [Fact]
    public void A_database_without_r_objects_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => RDataFile.ReadStringVectors(new byte[16], "empty.rdb"));
        Assert.Contains("empty.rdb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_serialisation_is_rejected_with_the_file_name_and_position()
    {
        var database = Serialize(["only one line"], declaredCount: 3);

        var error = Assert.Throws<InvalidDataException>(() => RDataFile.ReadStringVectors(database, "novel.rdb"));

        Assert.StartsWith("novel.rdb: object at byte 0", error.Message, StringComparison.Ordinal);
    }

    // One object as R's lazy-load database stores it: big-endian payload length, then the zlib stream of an
    // XDR serialisation (format 3) of a character vector.
    internal static byte[] Serialize(string[] strings, int? declaredCount = null)
    {
        using var payload = new MemoryStream();
        payload.Write("X\n"u8);
        Int(payload, 3);
        Int(payload, 0x040201);
        Int(payload, 0x030500);
        Int(payload, 5);
        payload.Write("UTF-8"u8);
        Int(payload, 16);
        Int(payload, declaredCount ?? strings.Length);
        foreach (var s in strings)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            Int(payload, 0x00040009);
            Int(payload, bytes.Length);
            payload.Write(bytes);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(payload.ToArray());
        }

        var result = new byte[4 + compressed.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, (int)payload.Length);
        compressed.ToArray().CopyTo(result, 4);
        return result;
    }

    private static void Int(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];
}
