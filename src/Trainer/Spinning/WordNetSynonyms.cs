using System.Globalization;

namespace SpinDetect.Training.Spinning;

/// <summary>
/// EVALUATION ONLY: a synonym dictionary from WordNet 3.0 synsets (<c>data.noun</c>, <c>data.verb</c>,
/// <c>data.adj</c>, <c>data.adv</c>), sense-agnostic: a lemma's synonyms are the other members of every synset it
/// belongs to, in any part of speech. It stands in for the unknown dictionaries of real spinners when measuring
/// the detector; it must never feed training data or the detector itself (the corpus builder writes its output
/// only to the WordNet evaluation file).
/// </summary>
internal sealed class WordNetSynonyms : ISynonymDictionary
{
    private static readonly string[] DataFiles = ["data.noun", "data.verb", "data.adj", "data.adv"];

    private readonly Dictionary<string, string[]> _entries;

    private WordNetSynonyms(Dictionary<string, string[]> entries, int maxPhraseWords)
    {
        _entries = entries;
        MaxPhraseWords = maxPhraseWords;
    }

    /// <inheritdoc />
    public string Name => "wordnet";

    /// <inheritdoc />
    public int MaxPhraseWords { get; }

    /// <summary>Number of lemmas with at least one synonym.</summary>
    public int HeadwordCount => _entries.Count;

    /// <summary>Reads the four data files in <paramref name="directory"/> (data/cache/wordnet/usr/share/wordnet).</summary>
    /// <exception cref="FileNotFoundException">A data file is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A synset line is malformed (the message names file and line).</exception>
    public static WordNetSynonyms Load(string directory)
    {
        var builder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in DataFiles)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"WordNet file '{path}' is missing; run data/fetch.sh to obtain wordnet-base.", path);
            }

            using var reader = new StreamReader(path);
            Read(reader, path, builder);
        }

        return Build(builder);
    }

    /// <summary>Parses synset lines from one or more readers (tests pass fixtures).</summary>
    public static WordNetSynonyms Read(IEnumerable<(TextReader Reader, string SourceName)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var builder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (reader, sourceName) in sources)
        {
            Read(reader, sourceName, builder);
        }

        return Build(builder);
    }

    /// <inheritdoc />
    public bool TryGetSynonyms(string headword, out IReadOnlyList<string> synonyms)
    {
        if (_entries.TryGetValue(headword, out var list))
        {
            synonyms = list;
            return true;
        }

        synonyms = [];
        return false;
    }

    private static void Read(TextReader reader, string sourceName, Dictionary<string, List<string>> builder)
    {
        var lineNumber = 0;
        var members = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            // The licence header lines start with two spaces.
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt ...
            var fields = line.Split(' ');
            if (fields.Length < 6
                || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count)
                || fields.Length < 4 + (2 * count))
            {
                throw new InvalidDataException($"{sourceName}, line {lineNumber}: not a WordNet synset line.");
            }

            members.Clear();
            for (var i = 0; i < count; i++)
            {
                var word = fields[4 + (2 * i)];
                var marker = word.IndexOf('(', StringComparison.Ordinal); // adjective markers: "able(p)"
                if (marker > 0)
                {
                    word = word[..marker];
                }

                word = word.Replace('_', ' ').ToLowerInvariant();
                if (!members.Contains(word))
                {
                    members.Add(word);
                }
            }

            foreach (var member in members)
            {
                if (!builder.TryGetValue(member, out var list))
                {
                    builder[member] = list = [];
                }

                foreach (var other in members)
                {
                    if (!ReferenceEquals(other, member) && other != member && !list.Contains(other))
                    {
                        list.Add(other);
                    }
                }
            }
        }
    }

    private static WordNetSynonyms Build(Dictionary<string, List<string>> builder)
    {
        var entries = new Dictionary<string, string[]>(builder.Count, StringComparer.Ordinal);
        var max = 1;
        foreach (var (headword, list) in builder)
        {
            if (list.Count > 0)
            {
                entries[headword] = [.. list];
                max = Math.Max(max, MobySynonyms.WordCount(headword));
            }
        }

        return new WordNetSynonyms(entries, Math.Min(max, 4));
    }
}
