using System.Runtime.CompilerServices;

namespace SpinDetect.Lexicon;

/// <summary>
/// Bit packing of the lexicon's n-gram and morphology entries. Word ids take 24 bits; probabilities and
/// backoffs are 8-bit indices into 256-entry tables.
/// <list type="bullet">
/// <item>Bigram (ulong): w2 in bits 40–63 (so entries of one w1 sort by w2 as plain integers), probability
/// index in 32–39, backoff index in 24–31, start of its trigram run in 0–23.</item>
/// <item>Trigram (uint): w3 in bits 8–31, probability index in 0–7.</item>
/// <item>Analysis or form (uint): word id in 0–23, part of speech bit in 24–27, inflection in 28–31.</item>
/// </list>
/// </summary>
internal static class NgramLayout
{
    /// <summary>Largest word id (and trigram count) the 24-bit fields hold.</summary>
    internal const int MaxId = (1 << 24) - 1;

    /// <summary>Offset of the bigram backoff table inside the quantisation tables.</summary>
    internal const int BigramBackoffTable = 256;

    /// <summary>Offset of the trigram probability table inside the quantisation tables.</summary>
    internal const int TrigramProbTable = 512;

    /// <summary>Length of the three quantisation tables together.</summary>
    internal const int QuantTablesLength = 768;

    internal static ulong PackBigram(int w2, byte prob, byte backoff, int trigramStart) =>
        ((ulong)(uint)w2 << 40) | ((ulong)prob << 32) | ((ulong)backoff << 24) | (uint)trigramStart;

    /// <summary>The sentinel closing the bigram array: sorts after every key and ends the last trigram run.</summary>
    internal static ulong BigramSentinel(int trigramCount) => ((ulong)MaxId << 40) | (uint)trigramCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int BigramWord(ulong entry) => (int)(entry >> 40);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int BigramProbIndex(ulong entry) => (int)(entry >> 32) & 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int BigramBackoffIndex(ulong entry) => (int)(entry >> 24) & 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TrigramStart(ulong entry) => (int)(entry & 0xFFFFFF);

    internal static uint PackTrigram(int w3, byte prob) => ((uint)w3 << 8) | prob;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TrigramWord(uint entry) => (int)(entry >> 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TrigramProbIndex(uint entry) => (int)(entry & 0xFF);

    internal static uint PackAnalysis(int wordId, PartsOfSpeech partOfSpeech, Inflection inflection) =>
        (uint)wordId | ((uint)partOfSpeech << 24) | ((uint)inflection << 28);

    internal static LexiconAnalysis UnpackAnalysis(uint entry) =>
        new((int)(entry & 0xFFFFFF), (PartsOfSpeech)((entry >> 24) & 0xF), (Inflection)(entry >> 28));
}
