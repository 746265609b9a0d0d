using System.Text;
using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

public sealed class Checksum64Tests
{
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void Matches_published_xxhash64_values(string text, ulong expected)
    {
        Assert.Equal(expected, Checksum64.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Every_single_bit_flip_in_a_long_input_changes_the_checksum()
    {
        var data = new byte[100];
        new Random(3).NextBytes(data);
        var original = Checksum64.Compute(data);
        for (var bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(original, Checksum64.Compute(data));
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
