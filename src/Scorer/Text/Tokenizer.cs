using System.Collections.Frozen;
using System.Globalization;

namespace SpinDetect.Text;

/// <summary>
/// Splits text into words, numbers, punctuation, URLs, e-mail addresses and handles, in one pass over the
/// span and without allocating. Offsets always lie inside the text; every non-white-space character
/// belongs to exactly one token.
/// </summary>
/// <remarks>
/// Hyphens split words ("well-known" → "well", "-", "known" with <see cref="TokenFlags.Attached"/>) because
/// the language model and thesaurus know the parts, not the compound. Apostrophes inside a word keep it whole
/// ("don't", "cat's") for the same reason, whatever their typography ("don’t"), and so do invisible characters
/// such as a soft hyphen (<see cref="WordSpelling"/>, which word lookups fold).
/// </remarks>
internal static class Tokenizer
{
    /// <summary>Tokenises <paramref name="text"/> into <paramref name="tokens"/> (cleared first).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenList tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        var sentenceStart = true;
        var paragraphStart = true;
        var lineStart = true;
        var i = 0;
        var lastEnd = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    if (lineStart && lastEnd >= 0)
                    {
                        // A second line break with only white space between: a paragraph break.
                        paragraphStart = true;
                        sentenceStart = true;
                    }

                    lineStart = true;
                }

                i++;
                continue;
            }

            var start = i;
            var kind = Classify(text, ref i);
            var flags = TokenFlags.None;
            if (start == lastEnd)
            {
                flags |= TokenFlags.Attached;
            }

            if (lineStart)
            {
                flags |= TokenFlags.LineStart;
            }

            if (paragraphStart)
            {
                flags |= TokenFlags.ParagraphStart;
            }

            var slice = text[start..i];
            if (kind == TokenKind.Word)
            {
                flags |= CaseFlags(slice);
                if (sentenceStart)
                {
                    flags |= TokenFlags.SentenceStart;
                }
            }
            else if (kind == TokenKind.Punctuation && slice is "." && (flags & TokenFlags.Attached) != 0 && tokens.Count > 0
                && IsAbbreviation(text, tokens[tokens.Count - 1]))
            {
                flags |= TokenFlags.Abbreviation;
            }

            tokens.Add(new Token(start, i - start, kind, flags));
            lastEnd = i;
            lineStart = false;
            paragraphStart = false;
            if (kind is TokenKind.Word or TokenKind.Number or TokenKind.Url or TokenKind.Email or TokenKind.Handle)
            {
                sentenceStart = false;
            }
            else if (kind == TokenKind.Punctuation && slice.Length == 1 && slice[0] is '.' or '!' or '?' or ':')
            {
                // "Mr. Smith", "George W. Bush", "U.S. officials": the word after an abbreviation goes on the sentence.
                sentenceStart = (flags & TokenFlags.Abbreviation) == 0 && (slice[0] != ':' || IsLineEndAhead(text, i));
            }
        }
    }

    // Titles written before a name; they end no sentence. (Abbreviations that often do, such as "Inc.", "Jr.", "etc."
    // or "a.m.", are left out.)
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = FrozenSet.Create(
        StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Cmdr", "Adm", "Maj",
        "Sgt", "Rev", "Hon", "St", "Mt", "Pres", "Supt", "Fr").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> before a full stop is a title or a capital initial.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> text, in Token word)
    {
        if (word.Kind != TokenKind.Word)
        {
            return false;
        }

        var slice = word.Slice(text);
        return slice.Length == 1 ? char.IsUpper(slice[0]) : Titles.Contains(slice);
    }

    private static bool IsLineEndAhead(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        return i >= text.Length || text[i] == '\n';
    }

    private static TokenKind Classify(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (IsUrlStart(text, i))
        {
            i = EndOfNonSpace(text, i);
            TrimTrailingPunctuation(text, ref i);
            return TokenKind.Url;
        }

        if (char.IsLetter(c))
        {
            var end = EndOfWord(text, i);
            if (IsEmail(text, i))
            {
                i = EndOfNonSpace(text, i);
                TrimTrailingPunctuation(text, ref i);
                return TokenKind.Email;
            }

            if (LooksLikeDomain(text, i, end, out var domainEnd))
            {
                i = domainEnd;
                return TokenKind.Url;
            }

            i = end;
            return TokenKind.Word;
        }

        if (char.IsDigit(c))
        {
            i++;
            while (i < text.Length)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d))
                {
                    i++;
                }
                else if (d is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            return TokenKind.Number;
        }

        if (c is '@' or '#' && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
        {
            i++;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return TokenKind.Handle;
        }

        // Surrogate pairs (emoji) stay together so no token splits a code point.
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i += 2;
            return TokenKind.Symbol;
        }

        i++;
        if (IsPunctuation(c))
        {
            // Runs of the same mark ("...", "--", "!!") are one token.
            while (i < text.Length && text[i] == c)
            {
                i++;
            }

            return TokenKind.Punctuation;
        }

        return TokenKind.Symbol;
    }

    private static int EndOfWord(ReadOnlySpan<char> text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || char.IsDigit(c) || IsCombiningMark(c))
            {
                i++;
            }
            else if ((WordSpelling.IsApostrophe(c) || WordSpelling.IsInvisible(c)) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "don’t", and a soft hyphen or zero-width character inside a word, keep the word whole.
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsPunctuation(char c) =>
        char.IsPunctuation(c) || c is '`' or '^' or '~' or '|' or '<' or '>' or '=' or '+';

    private static int EndOfNonSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static void TrimTrailingPunctuation(ReadOnlySpan<char> text, ref int end)
    {
        // "see https://example.com/a." — the final full stop ends the sentence, not the address.
        while (end > 0 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '\u201D')
        {
            end--;
        }
    }

    private static bool IsUrlStart(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]));
    }

    private static bool IsEmail(ReadOnlySpan<char> text, int start)
    {
        // local@host.tld where the local part is letters, digits and . _ + -
        var j = start;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or '_' or '+' or '-'))
        {
            j++;
        }

        return j < text.Length && text[j] == '@' && IsEmailAt(text, j);
    }

    private static bool IsEmailAt(ReadOnlySpan<char> text, int at)
    {
        // name@host.tld: a letter after '@' and a dot followed by a letter before the next space.
        var j = at + 1;
        if (j >= text.Length || !char.IsLetterOrDigit(text[j]))
        {
            return false;
        }

        var end = EndOfNonSpace(text, j);
        var dot = text[j..end].IndexOf('.');
        return dot > 0 && j + dot + 1 < end && char.IsLetter(text[j + dot + 1]);
    }

    private static bool LooksLikeDomain(ReadOnlySpan<char> text, int start, int wordEnd, out int end)
    {
        // "example.com/path" or "news.example.org": word '.' word … ending in a known-shaped TLD followed by '/'
        // or by several labels; a plain sentence end ("end.Next") must not become a URL.
        end = wordEnd;
        if (wordEnd >= text.Length || text[wordEnd] != '.')
        {
            return false;
        }

        var candidateEnd = EndOfNonSpace(text, start);
        TrimTrailingPunctuation(text, ref candidateEnd);
        var candidate = text[start..candidateEnd];
        var slash = candidate.IndexOf('/');
        var host = slash >= 0 ? candidate[..slash] : candidate;
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == host.Length - 1)
        {
            return false;
        }

        var tld = host[(lastDot + 1)..];
        if (tld.Length is < 2 or > 6 || !IsLowerAscii(tld))
        {
            return false;
        }

        foreach (var ch in host)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-'))
            {
                return false;
            }
        }

        var dots = host.Count('.');
        if (slash < 0 && dots < 2 && !IsCommonTld(tld))
        {
            return false;
        }

        end = candidateEnd;
        return true;
    }

    private static bool IsLowerAscii(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (ch is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCommonTld(ReadOnlySpan<char> tld) =>
        tld is "com" or "org" or "net" or "edu" or "gov" or "io" or "co" or "uk" or "de" or "info" or "ly" or "me";

    private static TokenFlags CaseFlags(ReadOnlySpan<char> word)
    {
        var upper = 0;
        var lower = 0;
        var nonAscii = false;
        var upperAfterFirst = false;
        var apostrophe = false;
        for (var k = 0; k < word.Length; k++)
        {
            var ch = word[k];
            if (ch > 127)
            {
                nonAscii = true;
            }

            if (char.IsUpper(ch))
            {
                upper++;
                if (k > 0)
                {
                    upperAfterFirst = true;
                }
            }
            else if (char.IsLower(ch))
            {
                lower++;
            }
            else
            {
                apostrophe |= WordSpelling.IsApostrophe(ch);
            }
        }

        var flags = TokenFlags.None;
        if (char.IsUpper(word[0]))
        {
            flags |= TokenFlags.Capitalized;
        }

        if (upper >= 2 && lower == 0)
        {
            flags |= TokenFlags.AllCaps;
        }
        else if (upperAfterFirst && lower > 0)
        {
            flags |= TokenFlags.MixedCase;
        }

        if (nonAscii)
        {
            flags |= TokenFlags.NonAscii;
        }

        if (apostrophe)
        {
            flags |= TokenFlags.Apostrophe;
        }

        return flags;
    }
}
