namespace SpinDetect.Quality;

/// <summary>The public lower-case kebab-case names of <see cref="QualityFlags"/>, in declaration order.</summary>
internal static class QualityFlagNames
{
    private static readonly (QualityFlags Flag, string Name)[] All =
    [
        (QualityFlags.Boilerplate, "boilerplate"),
        (QualityFlags.AppendedUnrelated, "appended-unrelated"),
        (QualityFlags.MangledUrls, "mangled-urls"),
        (QualityFlags.Garbled, "garbled"),
        (QualityFlags.RepeatedLines, "repeated-lines"),
        (QualityFlags.TooShort, "too-short"),
        (QualityFlags.NotEnglish, "not-english"),
    ];

    /// <summary>The name of one flag.</summary>
    public static string Name(QualityFlags flag)
    {
        foreach (var (f, name) in All)
        {
            if (f == flag)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a single quality flag.");
    }

    /// <summary>The names of the set flags, in declaration order (no allocation for the empty set).</summary>
    public static IReadOnlyList<string> Names(QualityFlags flags)
    {
        if (flags == QualityFlags.None)
        {
            return [];
        }

        var names = new List<string>(4);
        foreach (var (f, name) in All)
        {
            if ((flags & f) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The flags named in a comma-separated list; unknown names are an error.</summary>
    public static QualityFlags Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flags = QualityFlags.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = false;
            foreach (var (f, name) in All)
            {
                if (part == name)
                {
                    flags |= f;
                    found = true;
                }
            }

            if (!found)
            {
                throw new FormatException($"'{part}' is not a quality flag name.");
            }
        }

        return flags;
    }
}
