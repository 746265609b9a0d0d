using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>Checks that a batch of right contexts equals the one-at-a-time calls bit for bit.</summary>
internal static class RightContextAssert
{
    /// <summary>No-word marker for r2 (the sentence has ended after r1).</summary>
    internal const int NoWord = -2;

    internal static void BatchEqualsOneAtATime(ReferenceLexicon lexicon, int l1, int[] xs, int r1, int r2)
    {
        var rights = new float[xs.Length];
        var right2s = new float[xs.Length];
        var rightOrders = new int[xs.Length];
        var right2Orders = new int[xs.Length];
        var shared = ReferenceLexicon.NotSearched;
        lexicon.RightContexts(l1, xs, r1, r2, r2 != NoWord, ref shared, rights, rightOrders, right2s, right2Orders);
        var r1r2 = ReferenceLexicon.NotSearched;
        for (var i = 0; i < xs.Length; i++)
        {
            var right = lexicon.RightContext(l1, xs[i], r1, r2, r2 != NoWord, ref r1r2, out var rightOrder, out var right2, out var right2Order);
            Assert.Equal(BitConverter.SingleToInt32Bits(right), BitConverter.SingleToInt32Bits(rights[i]));
            Assert.Equal(rightOrder, rightOrders[i]);
            Assert.Equal(BitConverter.SingleToInt32Bits(right2), BitConverter.SingleToInt32Bits(right2s[i]));
            Assert.Equal(right2Order, right2Orders[i]);
        }
    }
}
