using SpinDetect.Text;

namespace SpinDetect.Lexicon;

/// <summary>
/// The word a spoken transcript says last for a number written in digits ("6,000" → "thousand", "200" → "hundred",
/// "2019" → "nineteen", "1990s" → "nineties", "20th" → "twentieth", "3.5" → "five") and for a per-cent sign. The
/// language model was trained on speech, where numbers are words, so the word after a number keeps a context:
/// "6,000 seasons" is judged as "thousand seasons" (log10 −5.6 against −2.4 for "thousand times") instead of after
/// an unknown word.
/// </summary>
internal sealed class SpokenNumbers
{
    private static readonly string[] OnesWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] TensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] OrdinalOnesWords =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth",
    ];

    private static readonly string[] OrdinalTensWords =
        ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static readonly string[] PluralTensWords =
        ["", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

    // Powers of ten a round number ends with, largest first, and their words in the three forms.
    private static readonly (long Value, string Cardinal, string Ordinal, string Plural)[] Scales =
    [
        (1_000_000_000, "billion", "billionth", "billions"),
        (1_000_000, "million", "millionth", "millions"),
        (1_000, "thousand", "thousandth", "thousands"),
        (100, "hundred", "hundredth", "hundreds"),
    ];

    // Beyond this the digits are an identifier or a code rather than a quantity anyone says.
    private const long Largest = 999_999_999_999;

    private readonly int[] _ones;
    private readonly int[] _tens;
    private readonly int[] _ordinalOnes;
    private readonly int[] _ordinalTens;
    private readonly int[] _pluralTens;
    private readonly (int Cardinal, int Ordinal, int Plural)[] _scales;
    private readonly int _percent;

    /// <summary>Resolves the number words in <paramref name="lexicon"/> (a word it lacks reads as −1).</summary>
    public SpokenNumbers(ReferenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _ones = Ids(lexicon, OnesWords);
        _tens = Ids(lexicon, TensWords);
        _ordinalOnes = Ids(lexicon, OrdinalOnesWords);
        _ordinalTens = Ids(lexicon, OrdinalTensWords);
        _pluralTens = Ids(lexicon, PluralTensWords);
        _scales = Array.ConvertAll(Scales, s => (lexicon.FindLower(s.Cardinal), lexicon.FindLower(s.Ordinal), lexicon.FindLower(s.Plural)));
        _percent = lexicon.FindLower("percent");
    }

    /// <summary>
    /// The id of the word said last for a number or per-cent token of <paramref name="text"/>; −1 for any other token,
    /// or a number whose form is not understood.
    /// </summary>
    public int IdOf(ReadOnlySpan<char> text, in Token token)
    {
        var slice = token.Slice(text);
        return token.Kind switch
        {
            TokenKind.Number => NumberId(slice),
            TokenKind.Punctuation when slice is "%" => _percent,
            _ => -1,
        };
    }

    private int NumberId(ReadOnlySpan<char> number)
    {
        long value = 0;
        var i = 0;
        var digits = 0;
        while (i < number.Length)
        {
            var c = number[i];
            if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > Largest)
                {
                    return -1;
                }

                i++;
            }
            else if (c == ',' && digits > 0 && i + 1 < number.Length && char.IsAsciiDigit(number[i + 1]))
            {
                i++; // a thousands separator
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return -1;
        }

        // "3.5" is said "three point five": the last decimal digit.
        if (i + 1 < number.Length && number[i] == '.' && char.IsAsciiDigit(number[i + 1]))
        {
            var last = i + 1;
            while (last + 1 < number.Length && char.IsAsciiDigit(number[last + 1]))
            {
                last++;
            }

            return _ones[number[last] - '0'];
        }

        var suffix = number[i..];
        if (suffix.Equals("s", StringComparison.OrdinalIgnoreCase))
        {
            return Plural(value);
        }

        return suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
            ? Ordinal(value)
            : Cardinal(value);
    }

    private int Cardinal(long value)
    {
        var scale = ScaleOf(value);
        if (scale >= 0)
        {
            return _scales[scale].Cardinal;
        }

        var rest = (int)(value % 100);
        return rest < 20 ? _ones[rest] : rest % 10 == 0 ? _tens[rest / 10] : _ones[rest % 10];
    }

    private int Ordinal(long value)
    {
        var scale = ScaleOf(value);
        if (scale >= 0)
        {
            return _scales[scale].Ordinal;
        }

        var rest = (int)(value % 100);
        return rest < 20 ? _ordinalOnes[rest] : rest % 10 == 0 ? _ordinalTens[rest / 10] : _ordinalOnes[rest % 10];
    }

    // "1990s" → "nineties", "1900s" → "hundreds"; a plural of anything else is said as the number.
    private int Plural(long value)
    {
        var scale = ScaleOf(value);
        if (scale >= 0)
        {
            return _scales[scale].Plural;
        }

        var rest = (int)(value % 100);
        return rest >= 20 && rest % 10 == 0 ? _pluralTens[rest / 10] : Cardinal(value);
    }

    // The largest power of ten in Scales that divides the value, or −1 (for 0 too, which is said "zero").
    private static int ScaleOf(long value)
    {
        if (value == 0)
        {
            return -1;
        }

        for (var s = 0; s < Scales.Length; s++)
        {
            if (value % Scales[s].Value == 0)
            {
                return s;
            }
        }

        return -1;
    }

    private static int[] Ids(ReferenceLexicon lexicon, string[] words) =>
        Array.ConvertAll(words, w => w.Length == 0 ? -1 : lexicon.FindLower(w));
}
