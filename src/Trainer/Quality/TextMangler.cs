using System.Globalization;
using System.Text;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Damage that text extraction and bad decoding do: web addresses and handles split by stray spaces, mojibake
/// (UTF-8 bytes read as Windows-1252), typographic quotes to make encoding damage visible, runs of symbols.
/// </summary>
internal sealed class TextMangler
{
    private const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Windows-1252 0x80–0x9F; undefined positions decode to the C1 control of the same value, as .NET's Latin-1 does.
    private static readonly char[] Windows1252High =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    private readonly Random _random;
    private readonly NameBank _names;

    public TextMangler(Random random)
    {
        _random = random;
        _names = new NameBank(random);
    }

    /// <summary>A social-media or video address of the training side (Twitter-style) or held-out side (others).</summary>
    public string Address(bool heldOut)
    {
        var user = _names.Handle()[1..];
        if (!heldOut)
        {
            return _random.Next(3) switch
            {
                0 => $"https://twitter.com/{user}/status/{Digits(19)}?s=20",
                1 => $"pic.twitter.com/{Code(10)}",
                _ => $"https://t.co/{Code(10)}",
            };
        }

        return _random.Next(3) switch
        {
            0 => $"https://www.instagram.com/p/{Code(11)}/?utm_source=ig_web_copy_link",
            1 => $"https://www.youtube.com/watch?v={Code(11)}&t={_random.Next(10, 900)}s",
            _ => $"https://www.facebook.com/{user}/posts/{Digits(16)}",
        };
    }

    /// <summary>Breaks an address apart the way extraction does ("https :// name/ status/ 1308917007 4384 7? s= 20").</summary>
    public string Break(string address)
    {
        var text = new StringBuilder(address.Length + 16);
        var digitRun = 0;
        for (var i = 0; i < address.Length; i++)
        {
            var c = address[i];
            if (c == ':' && i + 2 < address.Length && address[i + 1] == '/')
            {
                text.Append(_random.Next(2) == 0 ? " :// " : " ://");
                i += 2;
                continue;
            }

            text.Append(c);
            digitRun = char.IsDigit(c) ? digitRun + 1 : 0;
            if (c is '/' or '?' or '=' or '&' && _random.Next(3) != 0)
            {
                text.Append(' ');
            }
            else if (c == '.' && _random.Next(3) == 0)
            {
                text.Append(' ');
            }
            else if (digitRun >= 5 && _random.Next(5) == 0)
            {
                text.Append(' ');
                digitRun = 0;
            }
        }

        // Extraction damage always shows: at least one separator is followed by a space.
        if (!text.ToString().Contains(' ', StringComparison.Ordinal))
        {
            var at = address.IndexOfAny(['/', '.']);
            return at < 0 ? address + " " : address[..(at + 1)] + " " + address[(at + 1)..];
        }

        return text.ToString();
    }

    /// <summary>A mangled embed line: a broken address alone, or after a short post text, or with a handle and date.</summary>
    public string MangledLine(bool heldOut, Func<string> headline)
    {
        var broken = Break(Address(heldOut));
        return _random.Next(4) switch
        {
            0 => broken,
            1 => $"{headline()} {broken}",
            2 => $"— {_names.Person()} (@ {_names.Handle()[1..]}) {_names.DateLong()} {broken}",
            _ => $"{broken} {Break(Address(heldOut))}",
        };
    }

    /// <summary>A line without letters: separators, digit groups, symbols.</summary>
    public string GarbledLine()
    {
        var text = new StringBuilder();
        var length = _random.Next(45, 120);
        var palette = _random.Next(3) switch
        {
            0 => "=-_*#~+|",
            1 => "0123456789 %$#@!",
            _ => "▒░■□◆◇●○0123456789 ",
        };
        while (text.Length < length)
        {
            text.Append(palette[_random.Next(palette.Length)]);
            if (_random.Next(7) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Curly quotes, apostrophes and dashes, as typeset sites publish them.</summary>
    public static string Typeset(string text)
    {
        var result = new StringBuilder(text.Length);
        var open = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                result.Append('’');
            }
            else if (c == '"')
            {
                result.Append(open ? '“' : '”');
                open = !open;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                result.Append('—');
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The text as a reader that decodes UTF-8 bytes as Windows-1252 (or Latin-1) would show it.</summary>
    public static string Mojibake(string text, bool latin1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F && !latin1 ? Windows1252High[b - 0x80] : (char)b;
        }

        return new string(chars);
    }

    private string Digits(int count)
    {
        var text = new StringBuilder(count);
        text.Append((char)('1' + _random.Next(9)));
        while (text.Length < count)
        {
            text.Append((char)('0' + _random.Next(10)));
        }

        return text.ToString();
    }

    private string Code(int count)
    {
        var text = new StringBuilder(count);
        while (text.Length < count)
        {
            text.Append(CodeAlphabet[_random.Next(CodeAlphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Formats a count with the invariant culture.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
