using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Moby Thesaurus II (<c>words.txt</c>: one line per headword, "headword,synonym,synonym,…"), sense-agnostic as
/// the dictionaries of real spinners are. Entries may be single words or phrases. Lookups ignore case.
/// Immutable after loading and safe to share between threads.
/// </summary>
internal sealed class MobyThesaurus
{
    private readonly Dictionary<string, string[]> _entries;
    private readonly string[] _headwords;
    private readonly Lazy<Dictionary<string, string[]>> _reverse;

    private MobyThesaurus(Dictionary<string, string[]> entries, string[] headwords, long linkCount)
    {
        _entries = entries;
        _headwords = headwords;
        LinkCount = linkCount;
        _reverse = new Lazy<Dictionary<string, string[]>>(BuildReverse);
    }

    /// <summary>Number of distinct headwords.</summary>
    internal int HeadwordCount => _headwords.Length;

    /// <summary>Number of headword → synonym links (after removing duplicates).</summary>
    internal long LinkCount { get; }

    /// <summary>The headwords in file order.</summary>
    internal IReadOnlyList<string> Headwords => _headwords;

    /// <summary>Loads <paramref name="path"/> (e.g. data/cache/moby/package/words.txt).</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is not a Moby entry (message names file and line).</exception>
    internal static MobyThesaurus Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Moby thesaurus '{path}' is missing; run data/fetch.sh to obtain it.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Parses Moby-format text; <paramref name="sourceName"/> names the source in error messages.</summary>
    internal static MobyThesaurus Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw new InvalidDataException(
                    $"{sourceName}, line {lineNumber}: a Moby entry needs a headword and at least one synonym separated by commas.");
            }

            var headword = Intern(pool, fields[0]);
            if (!lists.TryGetValue(headword, out var list))
            {
                lists[headword] = list = [];
                order.Add(headword);
            }

            for (var i = 1; i < fields.Length; i++)
            {
                if (!string.Equals(fields[i], headword, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(Intern(pool, fields[i]));
                }
            }
        }

        var entries = new Dictionary<string, string[]>(lists.Count, StringComparer.OrdinalIgnoreCase);
        long links = 0;
        foreach (var headword in order)
        {
            var synonyms = Distinct(lists[headword]);
            entries[headword] = synonyms;
            links += synonyms.Length;
        }

        return new MobyThesaurus(entries, [.. order], links);
    }

    /// <summary>Whether <paramref name="word"/> is a headword.</summary>
    internal bool ContainsHeadword(string word) => _entries.ContainsKey(word);

    /// <summary>The synonyms listed under <paramref name="headword"/> in file order (empty when it is no headword).</summary>
    internal IReadOnlyList<string> Synonyms(string headword) =>
        _entries.TryGetValue(headword, out var synonyms) ? synonyms : [];

    /// <summary>The headwords whose lists contain <paramref name="synonym"/> (the words it could have replaced).</summary>
    internal IReadOnlyList<string> HeadwordsListing(string synonym) =>
        _reverse.Value.TryGetValue(synonym, out var headwords) ? headwords : [];

    /// <summary>
    /// Synonyms of a possibly inflected <paramref name="form"/>, re-inflected like it: "employees" → lemma
    /// "employee" (noun, plural) → its synonyms in the plural ("workers", "hands", …). When the form is itself
    /// a headword its own list comes first. With <paramref name="samePartOfSpeech"/>, a synonym that WordNet
    /// knows only in other word classes is not inflected ("employees" does not give "employs"); unknown
    /// synonyms (phrases, rare words) are inflected by rule. Results are lowercase-as-listed and distinct.
    /// </summary>
    internal IReadOnlyList<string> InflectedSynonyms(string form, Morphology morphology, bool samePartOfSpeech = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(morphology);
        var results = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_entries.TryGetValue(form, out var own))
        {
            foreach (var synonym in own)
            {
                if (seen.Add(synonym))
                {
                    results.Add(synonym);
                }
            }
        }

        foreach (var analysis in morphology.Analyze(form))
        {
            if (analysis.Inflection == Inflection.None || !_entries.TryGetValue(analysis.Lemma, out var synonyms))
            {
                continue;
            }

            var required = analysis.Inflection.RequiredPartOfSpeech();
            foreach (var synonym in synonyms)
            {
                if (samePartOfSpeech)
                {
                    var pos = morphology.LemmaPartsOfSpeech(synonym);
                    if (pos != PartsOfSpeech.None && (pos & required) == 0)
                    {
                        continue;
                    }
                }

                var inflected = morphology.Inflect(synonym, analysis.Inflection);
                if (inflected is not null && seen.Add(inflected))
                {
                    results.Add(inflected);
                }
            }
        }

        return results;
    }

    private Dictionary<string, string[]> BuildReverse()
    {
        var reverse = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var headword in _headwords)
        {
            foreach (var synonym in _entries[headword])
            {
                if (!reverse.TryGetValue(synonym, out var list))
                {
                    reverse[synonym] = list = [];
                }

                list.Add(headword);
            }
        }

        var result = new Dictionary<string, string[]>(reverse.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (synonym, list) in reverse)
        {
            result[synonym] = [.. list];
        }

        return result;
    }

    private static string Intern(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool[value] = value;
        return value;
    }

    private static string[] Distinct(List<string> list)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(list.Count);
        foreach (var item in list)
        {
            if (seen.Add(item))
            {
                result.Add(item);
            }
        }

        return [.. result];
    }
}
