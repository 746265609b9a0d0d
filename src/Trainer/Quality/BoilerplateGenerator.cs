using System.Globalization;
using System.Text;

namespace SpinDetect.Training.Quality;

/// <summary>Fills boilerplate templates of one side (training or held-out) with varied names, dates, casing and
/// decorations.</summary>
internal sealed class BoilerplateGenerator
{
    private static readonly string[] Prefixes = ["• ", "— ", "> ", "| ", "» ", "- ", "* "];
    private readonly Random _random;
    private readonly NameBank _names;
    private readonly Func<string> _headline;
    private readonly BoilerplateFamily[] _families;
    private readonly int _tuningParity;

    /// <summary>Creates a generator over the held-out families, or over the training side's families for the line
    /// models (or, with <paramref name="tuningFamilies"/>, its families kept for tuning as well; of those, with
    /// <paramref name="tuningParity"/> 0 or 1, only the templates at even or odd positions).</summary>
    public BoilerplateGenerator(Random random, bool heldOut, Func<string> headline, bool tuningFamilies = false, int tuningParity = -1)
    {
        _tuningParity = tuningParity;
        _random = random;
        _names = new NameBank(random);
        _headline = headline;
        _families = [.. BoilerplateTemplates.Families.Where(f => f.HeldOut == heldOut && (heldOut || tuningFamilies || !f.ForTuning))];
    }

    /// <summary>A line from a family with the given placement.</summary>
    public string Line(BoilerplatePlacement placement)
    {
        BoilerplateFamily family;
        do
        {
            family = _families[_random.Next(_families.Length)];
        }
        while (family.Placement != placement && _random.Next(4) != 0);

        return Decorate(Fill(family.Patterns[PatternIndex(family)]));
    }

    /// <summary>A random template position of the family; in a tuning family with a parity, only positions of that
    /// parity, so two sets of documents can be given disjoint wording.</summary>
    private int PatternIndex(BoilerplateFamily family)
    {
        var patterns = family.Patterns.Length;
        return family.ForTuning && _tuningParity >= 0 && patterns > 1
            ? _tuningParity + (2 * _random.Next((patterns - _tuningParity + 1) / 2))
            : _random.Next(patterns);
    }

    private string Fill(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 32);
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(pattern, i, pattern.Length - i);
                break;
            }

            var close = pattern.IndexOf('}', open);
            text.Append(pattern, i, open - i);
            text.Append(Slot(pattern[(open + 1)..close]));
            i = close + 1;
        }

        return text.ToString();
    }

    private string Slot(string name) => name switch
    {
        "person" or "person2" => _names.Person(),
        "PERSON" => _names.PersonUpper(),
        "outlet" => _names.Outlet(),
        "OUTLET" => _names.Outlet().ToUpperInvariant(),
        "agency" => _names.Agency(),
        "date" => _names.DateShort(),
        "datelong" => _names.DateLong(),
        "dateday" => _names.DateDayFirst(),
        "iso" => _names.DateIso(),
        "time12" => _names.Time12(),
        "time24" => _names.Time24(),
        "zone" => _names.Zone(),
        "day" => _names.Day(),
        "headline" => _headline(),
        "handle" => _names.Handle(),
        "n" => _names.Number(1, 60).ToString(CultureInfo.InvariantCulture),
        "n2" => _names.Number(8, 90).ToString(CultureInfo.InvariantCulture),
        "topic" or "topic2" => _names.Topic(),
        "topics" => _names.Topics(_names.Number(2, 5)),
        "year" => _names.Year(),
        "dur" => _names.Duration(),
        "place" => _names.Place(),
        _ => throw new InvalidOperationException($"Unknown boilerplate slot '{name}'."),
    };

    private string Decorate(string line)
    {
        line = _random.Next(10) switch
        {
            0 => line.ToUpperInvariant(),
            1 => line.ToLowerInvariant(),
            _ => line,
        };
        if (_random.Next(12) == 0)
        {
            line = Prefixes[_random.Next(Prefixes.Length)] + line;
        }

        return line;
    }
}
