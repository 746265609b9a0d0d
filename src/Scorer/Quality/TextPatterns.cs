namespace SpinDetect.Quality;

/// <summary>Character-level detectors: mojibake markers, broken web addresses, vowel structure of words.</summary>
internal static class TextPatterns
{
    /// <summary>
    /// Counts mojibake markers: UTF-8 bytes read as Windows-1252 or Latin-1 ("â€™", "Ã©", "Â "), and the Unicode
    /// replacement character. A lead character (Ã Â â Å Ä Ð Ñ ï) followed by a character that a UTF-8
    /// continuation byte decodes to (U+0080–U+00BF or a Windows-1252 punctuation mark) almost never occurs in
    /// real text.
    /// </summary>
    public static int CountMojibake(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD')
            {
                count++;
            }
            else if (c is 'Ã' or 'Â' or 'â' or 'Å' or 'Ä' or 'Ð' or 'Ñ' or 'ï' && i + 1 < text.Length
                && IsContinuationImage(text[i + 1]))
            {
                count++;
                i++;
            }
        }

        return count;
    }

    private static bool IsContinuationImage(char c) =>
        c is >= '\u0080' and <= '\u00BF'
            or '€' or '‚' or 'ƒ' or '„' or '…' or '†' or '‡' or 'ˆ' or '‰' or 'Š' or '‹' or 'Œ' or 'Ž'
            or '‘' or '’' or '“' or '”' or '•' or '–' or '—' or '˜' or '™' or 'š' or '›' or 'œ' or 'ž' or 'Ÿ';

    /// <summary>
    /// Counts signs of a web address or handle broken apart by extraction: "://" with a space on either side,
    /// "http"/"https"/"www"/"pic" followed by a spaced separator, a slash followed by a space after a letter or digit,
    /// "?"/"=" followed by a space inside an address, a spaced-out domain ("twitter. com") and digit groups of
    /// five or more split by spaces.
    /// </summary>
    public static int CountMangledUrlSigns(ReadOnlySpan<char> line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ':' when i + 2 < line.Length && line[i + 1] == '/' && line[i + 2] == '/':
                    if ((i > 0 && line[i - 1] == ' ') || (i + 3 < line.Length && line[i + 3] == ' '))
                    {
                        count += 2;
                    }

                    break;
                case '/' when i > 0 && char.IsLetterOrDigit(line[i - 1]) && i + 1 < line.Length && line[i + 1] == ' ':
                    count++;
                    break;
                case '?' or '=' or '&' when i > 0 && i + 1 < line.Length && line[i + 1] == ' '
                    && char.IsLetterOrDigit(line[i - 1]) && HasAddressBefore(line, i):
                    count++;
                    break;
                case '.' when i > 0 && i + 4 < line.Length && line[i + 1] == ' ' && char.IsLetter(line[i - 1])
                    && (IsTopLevelDomain(line.Slice(i + 2)) || (char.IsLower(line[i - 1]) && IsDomainAhead(line.Slice(i + 2)))):
                    count++;
                    break;
                case >= '0' and <= '9' when i + 1 < line.Length && IsSplitLongNumber(line, i):
                    count++;
                    while (i < line.Length && (char.IsDigit(line[i]) || line[i] == ' '))
                    {
                        i++;
                    }

                    break;
            }
        }

        if (count > 0 || line.Length < 6)
        {
            return count;
        }

        // "https ://" or "https : //" with the colon detached.
        var at = line.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            var rest = line[(at + 4)..].TrimStart('s').TrimStart('S');
            if (rest.Length > 2 && rest[0] == ' ' && rest.TrimStart(' ').StartsWith(":", StringComparison.Ordinal))
            {
                count += 2;
            }
        }

        return count;
    }

    private static bool HasAddressBefore(ReadOnlySpan<char> line, int i)
    {
        var from = Math.Max(0, i - 40);
        var before = line[from..i];
        return before.Contains('/') || before.Contains("www", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTopLevelDomain(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && char.IsLetter(rest[end]))
        {
            end++;
        }

        var word = rest[..end];
        return (end == rest.Length || rest[end] is '/' or ' ' or '.')
            && (word.Equals("com", StringComparison.OrdinalIgnoreCase)
                || word.Equals("org", StringComparison.OrdinalIgnoreCase)
                || word.Equals("net", StringComparison.OrdinalIgnoreCase)
                || word.Equals("co", StringComparison.OrdinalIgnoreCase)
                || word.Equals("ly", StringComparison.OrdinalIgnoreCase)
                || word.Equals("io", StringComparison.OrdinalIgnoreCase)
                || word.Equals("uk", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"twitter.com/…": lower-case letters, then a dot or slash directly followed by a letter or digit —
    /// how a host name continues after a stray space ("pic. twitter.com").</summary>
    private static bool IsDomainAhead(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && char.IsLower(rest[end]))
        {
            end++;
        }

        return end > 0 && end + 1 < rest.Length && rest[end] is '.' or '/' && char.IsLetterOrDigit(rest[end + 1]);
    }

    private static bool IsSplitLongNumber(ReadOnlySpan<char> line, int i)
    {
        if (i > 0 && char.IsLetterOrDigit(line[i - 1]))
        {
            return false;
        }

        var digits = 0;
        var groups = 1;
        var j = i;
        while (j < line.Length)
        {
            if (char.IsDigit(line[j]))
            {
                digits++;
                j++;
            }
            else if (line[j] == ' ' && j + 1 < line.Length && char.IsDigit(line[j + 1]))
            {
                groups++;
                j++;
            }
            else
            {
                break;
            }
        }

        // Ordinary numbers ("1,200", "2020 30") are short; ids split by extraction are long.
        return groups >= 2 && digits >= 10;
    }

    /// <summary>Whether <paramref name="c"/> is an English vowel letter (y counts: "rhythm", "myth").</summary>
    public static bool IsVowel(char c) => (c | 0x20) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>FNV-1a hash of a word, lower-cased, without a final plural "s"; for hashed bags of words.</summary>
    public static uint WordHash(ReadOnlySpan<char> word)
    {
        var length = word.Length;
        if (length > 4 && (word[length - 1] | 0x20) == 's' && (word[length - 2] | 0x20) != 's')
        {
            length--;
        }

        var hash = 2166136261u;
        for (var i = 0; i < length; i++)
        {
            hash = (hash ^ char.ToLowerInvariant(word[i])) * 16777619u;
        }

        return hash;
    }
}
