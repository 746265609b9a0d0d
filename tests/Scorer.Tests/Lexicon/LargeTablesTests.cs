using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>Large lookup tables may live on huge pages; they must still be ordinary, fully usable arrays.</summary>
public sealed class LargeTablesTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData((LargeTables.MinimumBytes / sizeof(ulong)) - 1)]
    [InlineData(3 * LargeTables.MinimumBytes / sizeof(ulong))]
    public void An_allocated_table_has_the_requested_length_and_keeps_what_is_written(int length)
    {
        var table = LargeTables.Allocate<ulong>(length);
        Assert.Equal(length, table.Length);
        for (var i = 0; i < length; i++)
        {
            table[i] = (ulong)i * 0x9E3779B97F4A7C15UL;
        }

        GC.Collect(); // a large table is pinned for the advice to stay true; a collection must not disturb it
        for (var i = 0; i < length; i++)
        {
            Assert.Equal((ulong)i * 0x9E3779B97F4A7C15UL, table[i]);
        }
    }
}
