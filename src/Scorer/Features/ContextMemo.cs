using System.Runtime.CompilerServices;
using SpinDetect.Lexicon;

namespace SpinDetect.Features;

/// <summary>
/// Per-document memo of the n-gram scores of the text's own words. The trigram ending at one stream position is
/// looked up as a word's left context, as the right context of the word before it, as the next-but-one context of
/// the word two before and as the "previous word fit" of the word after; this memo computes it once. Each slot keeps
/// the exact key it was computed for and is used only for that key, so a value is always the one a fresh lookup
/// gives (<see cref="IWordStatistics"/> scores are pure functions of their word ids). One per thread, reused.
/// </summary>
internal sealed class ContextMemo
{
    [ThreadStatic]
    private static ContextMemo? t_memo;

    private Slot[] _slots = [];
    private int _generation;

    /// <summary>This thread's memo, emptied for a document of <paramref name="streamCount"/> stream words.</summary>
    internal static ContextMemo Rent(int streamCount)
    {
        var memo = t_memo ??= new ContextMemo();
        memo.Reset(streamCount);
        return memo;
    }

    private void Reset(int streamCount)
    {
        // Slots for positions −1 … streamCount + 1 (a right context may end past the last word).
        var needed = streamCount + 3;
        if (_slots.Length < needed || unchecked(++_generation) == 0)
        {
            _slots = new Slot[Math.Max(needed, _slots.Length)];
            _generation = 1;
        }
    }

    /// <summary>
    /// <see cref="IWordStatistics.History"/> of (w1, w2) where w2 is at stream position <paramref name="position"/> − 1
    /// (the history of the word at <paramref name="position"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NgramHistory History(IWordStatistics stats, int position, int w1, int w2)
    {
        ref var slot = ref _slots[position + 1];
        if (slot.HistoryGeneration == _generation && slot.History.W1 == w1 && slot.History.W2 == w2)
        {
            return slot.History;
        }

        var history = stats.History(w1, w2);
        slot.History = history;
        slot.HistoryGeneration = _generation;
        return history;
    }

    /// <summary>
    /// <see cref="IWordStatistics.LogProb(in NgramHistory, int, out int)"/> of <paramref name="w3"/>, the word at
    /// stream position <paramref name="position"/> (or the marker there), after <paramref name="history"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float LogProb(IWordStatistics stats, int position, in NgramHistory history, int w3, out int order)
    {
        ref var slot = ref _slots[position + 1];
        if (slot.ValueGeneration == _generation && slot.W1 == history.W1 && slot.W2 == history.W2 && slot.W3 == w3)
        {
            order = slot.Order;
            return slot.Value;
        }

        var value = stats.LogProb(history, w3, out order);
        (slot.W1, slot.W2, slot.W3, slot.Value, slot.Order, slot.ValueGeneration) = (history.W1, history.W2, w3, value, order, _generation);
        return value;
    }

    /// <summary>log10 P(w3 | w1 w2) for the trigram ending at stream position <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float LogProb(IWordStatistics stats, int position, int w1, int w2, int w3, out int order)
    {
        ref var slot = ref _slots[position + 1];
        if (slot.ValueGeneration == _generation && slot.W1 == w1 && slot.W2 == w2 && slot.W3 == w3)
        {
            order = slot.Order;
            return slot.Value;
        }

        return LogProb(stats, position, History(stats, position, w1, w2), w3, out order);
    }

    private struct Slot
    {
        public NgramHistory History;
        public int HistoryGeneration;
        public int W1;
        public int W2;
        public int W3;
        public float Value;
        public int Order;
        public int ValueGeneration;
    }
}
