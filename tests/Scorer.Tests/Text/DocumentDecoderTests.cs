using System.Text;
using SpinDetect.Text;

namespace SpinDetect.Tests.Text;

public sealed class DocumentDecoderTests
{
    private const string Sample = "Naïve café — “quoted” text, 10 €.";

    [Fact]
    public void Utf8_with_and_without_a_byte_order_mark_decodes_the_same()
    {
        var plain = DocumentDecoder.Decode(Encoding.UTF8.GetBytes(Sample), "x");
        var marked = DocumentDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)], "x");
        Assert.Equal(new DecodedText(Sample, false), plain);
        Assert.Equal(plain, marked);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void A_byte_order_mark_selects_the_encoding(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes(Sample)];
        Assert.Equal(new DecodedText(Sample, false), DocumentDecoder.Decode(bytes, "x"));
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_reported()
    {
        var decoded = DocumentDecoder.Decode([(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82], "x");
        Assert.True(decoded.InvalidEncoding);
        Assert.StartsWith("a\uFFFDb", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_utf16_is_replaced_and_reported()
    {
        var decoded = DocumentDecoder.Decode([0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0], "x");
        Assert.True(decoded.InvalidEncoding);
        Assert.Equal("a\uFFFDb", decoded.Text);
    }

    [Fact]
    public void Nul_bytes_mean_binary_and_name_the_offset()
    {
        var error = Assert.Throws<InvalidDataException>(() => DocumentDecoder.Decode([(byte)'a', (byte)'b', 0, 1], "data.bin"));
        Assert.Equal("data.bin: binary file (NUL byte at offset 2); not scored", error.Message);
        Assert.Equal("binary file (NUL byte at offset 2); not scored", DocumentDecoder.ReasonOf(error));
    }

    [Fact]
    public void Empty_input_is_rejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => DocumentDecoder.Decode([], "e.txt"));
        Assert.StartsWith("e.txt: empty file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_alone_is_an_empty_input()
    {
        var utf8 = Assert.Throws<InvalidDataException>(() => DocumentDecoder.Decode([0xEF, 0xBB, 0xBF], "bom.txt"));
        Assert.StartsWith("bom.txt: empty file (only a 3-byte byte-order mark)", utf8.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => DocumentDecoder.Decode([0xFF, 0xFE], "bom16.txt"));
    }

    [Fact]
    public void Reading_a_folder_says_it_is_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("spindetect-decoder-").FullName;
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => DocumentDecoder.ReadFile(folder, 1024));
            Assert.Equal("is a folder, not a file", DocumentDecoder.ReasonOf(error));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Reading_a_file_checks_its_size_before_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[2048]);
            var error = Assert.Throws<InvalidDataException>(() => DocumentDecoder.ReadFile(path, 1024));
            Assert.Contains("too large", error.Message, StringComparison.Ordinal);
            File.WriteAllText(path, Sample);
            Assert.Equal(Sample, DocumentDecoder.ReadFile(path, 1024).Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
