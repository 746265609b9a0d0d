using System.Buffers;
using System.Collections.Frozen;

namespace SpinDetect.Text;

/// <summary>
/// Typographic variants of one spelling. Web text writes "didn’t" and "company’s" with a typographic apostrophe
/// (sometimes a modifier letter, an accent or a backtick) and may carry invisible characters inside a word (a soft
/// hyphen from HTML's <c>&amp;shy;</c>, zero-width spaces and joiners), while the language model, the thesaurus and
/// the word lists spell words with an ASCII apostrophe and nothing invisible. Every word lookup folds through here,
/// so a contraction is not an unknown word merely because of its typography.
/// </summary>
internal static class WordSpelling
{
    /// <summary>Characters a lookup must rewrite, expand or drop; a word without any is looked up as it is.</summary>
    private static readonly SearchValues<char> Foldable = SearchValues.Create(
        "\u2019\u2018\u02BC\u00B4`\uFF07\u00AD\u200B\u200C\u200D\u2060\uFEFF\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06");

    /// <summary>Length of the stack buffer <see cref="Fold"/>'s callers fold into (longer words are not in the lists).</summary>
    internal const int MaxStackWord = 64;

    /// <summary>Whether <paramref name="c"/> stands for an apostrophe inside a word ("don’t", "donʼt", "don´t", "don`t").</summary>
    internal static bool IsApostrophe(char c) =>
        c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' or '\uFF07';

    /// <summary>
    /// Whether <paramref name="c"/> is an invisible format character that can sit inside a word without splitting it:
    /// soft hyphen, zero-width space, zero-width non-joiner and joiner, word joiner, zero-width no-break space.
    /// </summary>
    internal static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>
    /// The letters a typographic ligature stands for ("ﬁ" → "fi"), as text extracted from print or PDF keeps them;
    /// empty for any other character.
    /// </summary>
    internal static ReadOnlySpan<char> LigatureLetters(char c) => c switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => default,
    };

    /// <summary>Whether <paramref name="word"/> has a character that <see cref="Fold"/> would rewrite or drop.</summary>
    internal static bool NeedsFolding(ReadOnlySpan<char> word) => word.ContainsAny(Foldable);

    /// <summary>
    /// <paramref name="word"/> with every apostrophe variant written as <c>'</c>, ligatures written as their letters
    /// and invisible characters dropped, in <paramref name="buffer"/>; the word itself when nothing needs folding, and
    /// empty when the folded word does not fit the buffer. Case is kept.
    /// </summary>
    internal static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (!NeedsFolding(word))
        {
            return word;
        }

        var n = 0;
        foreach (var c in word)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            var letters = LigatureLetters(c);
            if (n + Math.Max(1, letters.Length) > buffer.Length)
            {
                return [];
            }

            if (letters.IsEmpty)
            {
                buffer[n++] = IsApostrophe(c) ? '\'' : c;
            }
            else
            {
                letters.CopyTo(buffer[n..]);
                n += letters.Length;
            }
        }

        return buffer[..n];
    }

    /// <summary>
    /// The length of <paramref name="word"/> as the lexicon spells it: without invisible characters, with each ligature
    /// counted as its letters.
    /// </summary>
    internal static int SpelledLength(ReadOnlySpan<char> word)
    {
        if (!NeedsFolding(word))
        {
            return word.Length;
        }

        var n = 0;
        foreach (var c in word)
        {
            n += IsInvisible(c) ? 0 : Math.Max(1, LigatureLetters(c).Length);
        }

        return n;
    }

    /// <summary>Whether <paramref name="set"/> holds <paramref name="word"/> spelled in any typographic variant.</summary>
    internal static bool ContainsSpelling(this FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word)
    {
        if (!NeedsFolding(word))
        {
            return set.Contains(word);
        }

        Span<char> buffer = stackalloc char[MaxStackWord];
        var folded = Fold(word, buffer);
        return !folded.IsEmpty && set.Contains(folded);
    }

    /// <summary>The value <paramref name="map"/> holds for <paramref name="word"/> spelled in any typographic variant.</summary>
    internal static bool TryGetSpelling<TValue>(
        this FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> map, ReadOnlySpan<char> word, out TValue value)
    {
        if (!NeedsFolding(word))
        {
            return map.TryGetValue(word, out value!);
        }

        Span<char> buffer = stackalloc char[MaxStackWord];
        var folded = Fold(word, buffer);
        if (!folded.IsEmpty)
        {
            return map.TryGetValue(folded, out value!);
        }

        value = default!;
        return false;
    }
}
