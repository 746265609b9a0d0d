using System.Text;

namespace SpinDetect.Benchmarks.Scoring;

/// <summary>
/// English-like news articles generated deterministically from word lists and sentence templates written for the
/// benchmarks (no third-party text), so every run and every machine scores the same input.
/// </summary>
/// <remarks>
/// The words are common English so that most of them are in the lexicon and take the full feature path
/// (candidates, n-gram lookups, vectors); names, numbers and quotes exercise the tokenizer's other kinds.
/// </remarks>
internal static class SyntheticArticles
{
    /// <summary>Approximate word counts of the three scored article sizes (issue 6).</summary>
    internal const int ShortWords = 100, MediumWords = 800, LongWords = 5000;

    /// <summary>Size in characters of each article in the batch folder.</summary>
    internal const int BatchArticleChars = 5000;

    private static readonly string[] Nouns =
    [
        "council", "city", "school", "budget", "plan", "report", "company", "market", "worker", "family",
        "river", "bridge", "road", "hospital", "doctor", "teacher", "student", "program", "policy", "vote",
        "election", "official", "director", "office", "building", "project", "community", "resident", "business",
        "price", "cost", "tax", "law", "court", "judge", "police", "officer", "farmer", "crop", "season",
        "weather", "storm", "water", "power", "energy", "plant", "factory", "job", "wage", "service", "train",
        "station", "airport", "team", "game", "coach", "player", "study", "research", "result", "change",
        "problem", "question", "answer", "meeting", "decision", "agreement", "group", "member", "leader",
        "government", "state", "country", "region", "area", "street", "house", "home", "child", "parent",
    ];

    private static readonly string[] PluralNouns =
    [
        "councils", "cities", "schools", "budgets", "plans", "reports", "companies", "markets", "workers",
        "families", "roads", "hospitals", "doctors", "teachers", "students", "programs", "policies", "votes",
        "officials", "offices", "buildings", "projects", "communities", "residents", "businesses", "prices",
        "costs", "taxes", "laws", "courts", "officers", "farmers", "crops", "jobs", "wages", "services",
        "teams", "players", "studies", "results", "changes", "problems", "questions", "meetings", "decisions",
        "members", "leaders", "states", "countries", "streets", "houses", "children", "parents", "employees",
    ];

    private static readonly string[] Verbs =
    [
        "approved", "rejected", "announced", "reported", "said", "found", "raised", "cut", "opened", "closed",
        "built", "started", "finished", "planned", "expected", "asked", "told", "showed", "helped", "changed",
        "moved", "paid", "bought", "sold", "made", "gave", "took", "left", "kept", "brought", "began",
        "increased", "reduced", "supported", "opposed", "reviewed", "delayed", "signed", "agreed", "decided",
    ];

    private static readonly string[] PresentVerbs =
    [
        "needs", "wants", "plans", "expects", "hopes", "says", "believes", "knows", "thinks", "shows",
        "requires", "allows", "helps", "costs", "means", "suggests", "includes", "affects", "serves", "faces",
    ];

    private static readonly string[] Infinitives =
    [
        "build", "open", "close", "pay", "raise", "cut", "change", "improve", "protect", "support", "review",
        "replace", "repair", "expand", "reduce", "finish", "start", "hire", "train", "help", "keep", "move",
    ];

    private static readonly string[] Adjectives =
    [
        "new", "old", "large", "small", "local", "public", "private", "national", "federal", "early", "late",
        "major", "final", "recent", "strong", "weak", "high", "low", "long", "short", "important", "serious",
        "special", "general", "annual", "current", "former", "main", "free", "full", "open", "several",
        "different", "similar", "clear", "difficult", "simple", "good", "bad", "better", "best", "young",
    ];

    private static readonly string[] Adverbs =
    [
        "quickly", "slowly", "recently", "finally", "already", "still", "also", "often", "usually", "nearly",
        "almost", "clearly", "largely", "mostly", "simply", "really", "certainly", "probably", "rarely",
    ];

    private static readonly string[] Prepositions =
    [
        "in", "on", "at", "near", "after", "before", "during", "under", "over", "across", "around", "without",
        "with", "for", "from", "into", "through", "against", "between", "behind",
    ];

    private static readonly string[] Connectives =
    [
        "However", "As a result", "In addition", "At the same time", "For now", "Last year", "This week",
        "On Monday", "By the end of the year", "In the meantime", "Even so", "For many residents",
    ];

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Linda", "Robert", "Susan", "Daniel", "Karen", "Thomas", "Nancy", "Paul", "Helen",
        "Mark", "Laura", "Peter", "Anna", "David",
    ];

    private static readonly string[] LastNames =
    [
        "Ellison", "Marsh", "Doyle", "Hartley", "Okafor", "Brennan", "Whitfield", "Castillo", "Lindqvist",
        "Moreau", "Pryce", "Yamada", "Kowalski", "Fenwick", "Abernathy", "Quist",
    ];

    private static readonly string[] Titles =
    [
        "Mayor", "Director", "Professor", "Judge", "Senator", "Chief", "Commissioner", "Dr.",
    ];

    // Templates: {N} noun, {P} plural noun, {V} past verb, {S} present verb, {I} infinitive, {A} adjective,
    // {D} adverb, {R} preposition, {C} connective, {M} a person's full name, {T} title and last name, {#} number.
    private static readonly string[] Templates =
    [
        "The {A} {N} {V} the {A} {N} {R} the {N}.",
        "{C}, the {N} {V} that the {P} would {I} the {N} {R} the {A} {N}.",
        "{T} said the {N} {D} {V} a {A} {N} for {#} {P}.",
        "\"We {D} {S} the {P} to {I} the {N},\" said {M}, the {A} {N} of the {N}.",
        "{P} {R} the {N} {V} {#} {P} {R} the {A} {N}.",
        "The {N} {S} that {A} {P} will {I} the {N} {R} {#}.",
        "{M} {V} the {N}, and the {P} {D} {V} {R} the {N}.",
        "According to the {N}, the {A} {P} {V} about {#} percent {R} the {A} {N}.",
        "It was not {A} whether the {N} would {I} the {P} or {I} the {N}.",
        "The {A} {N} {R} the {N} has {D} {V} the {P}, {T} said.",
        "{C}, {P} {V} the {A} {N} to {I} {A} {P}.",
        "Many {P} {S} the {N} is too {A} to {I}.",
        "The {N} {V} {#} {P} in the {A} {N}, up from {#} a year {A}.",
        "{T} {V} that the {N} would {D} {I} its {P}.",
        "Why did the {N} {I} the {P}? The {P} {V} no {A} {N}.",
    ];

    private static readonly string[] Headlines =
    [
        "{A} {N} {S} {A} {P}", "{T} {V} {N} {R} {N}", "{P} {V} {A} {N} plan",
    ];

    /// <summary>An article of about <paramref name="words"/> words (a headline, then paragraphs of 3–6 sentences).</summary>
    internal static string Generate(int words, int seed) => Build(seed, (builder, count) => count >= words);

    /// <summary>An article of at least <paramref name="chars"/> characters, ended at a sentence.</summary>
    internal static string GenerateChars(int chars, int seed) => Build(seed, (builder, _) => builder.Length >= chars);

    /// <summary>
    /// Writes <paramref name="count"/> articles of about <see cref="BatchArticleChars"/> characters as
    /// <c>article-00000.txt</c>… under <paramref name="folder"/>, skipping files already written (same content:
    /// the generator is deterministic). Returns the total bytes.
    /// </summary>
    internal static long WriteFolder(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"article-{i:D5}.txt");
            if (!File.Exists(path))
            {
                File.WriteAllText(path, GenerateChars(BatchArticleChars, 10_000 + i));
            }

            bytes += new FileInfo(path).Length;
        }

        return bytes;
    }

    private static string Build(int seed, Func<StringBuilder, int, bool> done)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(8192);
        var words = Append(builder, Headlines[random.Next(Headlines.Length)], random, capitalise: true);
        builder.Append("\n\n");
        while (!done(builder, words))
        {
            var sentences = random.Next(3, 7);
            for (var s = 0; s < sentences && !done(builder, words); s++)
            {
                if (s > 0)
                {
                    builder.Append(' ');
                }

                words += Append(builder, Templates[random.Next(Templates.Length)], random, capitalise: false);
            }

            builder.Append("\n\n");
        }

        return builder.ToString().TrimEnd() + "\n";
    }

    /// <summary>Appends one filled template; returns the words it added.</summary>
    private static int Append(StringBuilder builder, string template, Random random, bool capitalise)
    {
        var start = builder.Length;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 2 < template.Length && template[i + 2] == '}')
            {
                var slot = template[i + 1];
                builder.Append(slot switch
                {
                    'N' => Pick(Nouns, random),
                    'P' => Pick(PluralNouns, random),
                    'V' => Pick(Verbs, random),
                    'S' => Pick(PresentVerbs, random),
                    'I' => Pick(Infinitives, random),
                    'A' => Pick(Adjectives, random),
                    'D' => Pick(Adverbs, random),
                    'R' => Pick(Prepositions, random),
                    'C' => Pick(Connectives, random),
                    'M' => Pick(FirstNames, random) + " " + Pick(LastNames, random),
                    'T' => Pick(Titles, random) + " " + Pick(LastNames, random),
                    '#' => random.Next(2, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => throw new InvalidOperationException($"Unknown template slot '{slot}' in: {template}"),
                });
                i += 2;
            }
            else
            {
                builder.Append(c);
            }
        }

        // Sentences start with a capital; headlines are in title case.
        builder[start] = char.ToUpperInvariant(builder[start]);
        if (capitalise)
        {
            for (var i = start + 1; i < builder.Length; i++)
            {
                if (builder[i - 1] == ' ')
                {
                    builder[i] = char.ToUpperInvariant(builder[i]);
                }
            }
        }

        // Words as a reader counts them: runs of characters between spaces.
        var words = 0;
        for (var i = start; i < builder.Length; i++)
        {
            if (builder[i] != ' ' && (i == start || builder[i - 1] == ' '))
            {
                words++;
            }
        }

        return words;
    }

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];
}
