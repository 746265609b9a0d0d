using System.Collections.Frozen;

namespace SpinDetect.Lexicon;

/// <summary>
/// Other spellings of a word the vocabulary lacks. The language model is American and writes loanwords without
/// accents, while web text also uses British and Commonwealth spellings ("organised", "colour", "centre",
/// "travelled", "defence", "programme") and accents ("café", "naïve", "résumé"). Without this, such a word is
/// unknown, and an unknown content word reads as a likely substitute (a spinner's rare synonym is often outside the
/// vocabulary): a British article, or one that mentions a café, would look spun.
/// </summary>
/// <remarks>
/// Tried only after the word itself is not found, so no word of the vocabulary is ever re-read as another; the
/// first variant the vocabulary holds wins. The rules are the regular British-to-American correspondences (-ise,
/// -yse, -our, -re, doubled l, -ence, -mme, ae, -ogue, -dgement) and a few irregular pairs.
/// </remarks>
internal static class SpellingVariants
{
    private const int MinimumLength = 4;

    // The base letter of each letter from U+00C0 to U+017F (Latin-1 Supplement and Latin Extended-A: 'é' → 'e',
    // 'ø' → 'o', 'ł' → 'l'), '-' where there is none (Æ, ß, Œ, signs). Written out rather than derived by Unicode
    // decomposition, which hosts running in invariant-globalization mode do not perform.
    private const string BaseLetters =
        "aaaaaa-ceeeeiiii-nooooo-ouuuuy--aaaaaa-ceeeeiiii-nooooo-ouuuuy-y" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii--jjkk-lllllll" +
        "lllnnnnnn---oooooo--rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz-";

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Irregular =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grey"] = "gray", ["greys"] = "grays", ["tyre"] = "tire", ["tyres"] = "tires", ["kerb"] = "curb",
            ["cheque"] = "check", ["cheques"] = "checks", ["plough"] = "plow", ["mould"] = "mold", ["mouldy"] = "moldy",
            ["smoulder"] = "smolder", ["draught"] = "draft", ["draughts"] = "drafts", ["jewellery"] = "jewelry",
            ["aluminium"] = "aluminum", ["storey"] = "story", ["storeys"] = "stories", ["sceptic"] = "skeptic",
            ["sceptical"] = "skeptical", ["scepticism"] = "skepticism", ["pyjamas"] = "pajamas", ["ageing"] = "aging",
            ["artefact"] = "artifact", ["artefacts"] = "artifacts", ["enrol"] = "enroll", ["enrolment"] = "enrollment",
            ["fulfil"] = "fulfill", ["fulfilment"] = "fulfillment", ["instalment"] = "installment",
            ["skilful"] = "skillful", ["wilful"] = "willful", ["learnt"] = "learned", ["whilst"] = "while",
            ["amongst"] = "among", ["manoeuvre"] = "maneuver", ["manoeuvres"] = "maneuvers", ["sulphur"] = "sulfur",
            ["moustache"] = "mustache", ["cosy"] = "cozy", ["doughnut"] = "donut", ["mum"] = "mom", ["mums"] = "moms",
            ["foetus"] = "fetus", ["foetal"] = "fetal", ["oestrogen"] = "estrogen", ["oesophagus"] = "esophagus",
            ["diarrhoea"] = "diarrhea", ["homoeopathy"] = "homeopathy", ["homoeopathic"] = "homeopathic",
        }.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // (British ending, American ending): the first that ends the word is replaced.
    private static readonly (string British, string American)[] Endings =
    [
        ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
        ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"),
        ("ysing", "yzing"), ("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("bre", "ber"), ("bres", "bers"),
        ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"), ("llor", "lor"), ("llors", "lors"),
        ("ence", "ense"), ("ences", "enses"), ("mme", "m"), ("mmes", "ms"), ("ogue", "og"), ("ogues", "ogs"),
        ("dgement", "dgment"), ("dgements", "dgments"),
    ];

    /// <summary>
    /// The id of the first spelling variant of <paramref name="lower"/> (a lower-case word the vocabulary lacks) that
    /// <paramref name="lexicon"/> holds; −1 when there is none.
    /// </summary>
    internal static int Find(ReferenceLexicon lexicon, ReadOnlySpan<char> lower)
    {
        if (lower.Length < MinimumLength || lower.Length > ReferenceLexicon.MaxVariantWord)
        {
            return -1;
        }

        Span<char> plain = stackalloc char[lower.Length];
        var word = StripAccents(lower, plain);
        if (word.Length != lower.Length || !word.SequenceEqual(lower))
        {
            var id = lexicon.FindLower(word);
            if (id >= 0)
            {
                return id;
            }
        }

        if (Irregular.TryGetValue(word, out var american))
        {
            return lexicon.FindLower(american);
        }

        // A variant is never longer than the word by more than two letters ("tred" → "tered", "dgement" → "dgment").
        Span<char> variant = stackalloc char[word.Length + 2];
        foreach (var (british, us) in Endings)
        {
            if (word.Length > british.Length + 1 && word.EndsWith(british, StringComparison.Ordinal))
            {
                var stem = word[..^british.Length];
                stem.CopyTo(variant);
                us.AsSpan().CopyTo(variant[stem.Length..]);
                var id = lexicon.FindLower(variant[..(stem.Length + us.Length)]);
                if (id >= 0)
                {
                    return id;
                }
            }
        }

        // "colour", "behaviour", "neighbourhood", "favourite": the last "our" becomes "or".
        var our = word.LastIndexOf("our", StringComparison.Ordinal);
        if (our >= 1)
        {
            var id = FindWithout(lexicon, word, our + 1, variant);
            if (id >= 0)
            {
                return id;
            }
        }

        // "paediatric", "anaemia", "encyclopaedia": the first "ae" becomes "e". ("oe" is left to the irregular pairs: as
        // a rule it would read unknown names as words, "Goel" as "gel".)
        var digraph = IndexOfDigraph(word);
        return digraph >= 0 ? FindWithout(lexicon, word, digraph, variant) : -1;
    }

    // The word without its letter at `index`.
    private static int FindWithout(ReferenceLexicon lexicon, ReadOnlySpan<char> word, int index, Span<char> buffer)
    {
        word[..index].CopyTo(buffer);
        word[(index + 1)..].CopyTo(buffer[index..]);
        return lexicon.FindLower(buffer[..(word.Length - 1)]);
    }

    private static int IndexOfDigraph(ReadOnlySpan<char> word)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] == 'a' && word[i + 1] == 'e' && (i == 0 || !IsVowel(word[i - 1])) && i + 2 < word.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static ReadOnlySpan<char> StripAccents(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c < 128)
            {
                buffer[n++] = c;
            }
            else if (c is >= '\u0300' and <= '\u036F')
            {
                // A combining accent typed after its letter.
            }
            else
            {
                var index = c - '\u00C0';
                buffer[n++] = index >= 0 && index < BaseLetters.Length && BaseLetters[index] != '-' ? BaseLetters[index] : c;
            }
        }

        return buffer[..n];
    }
}
