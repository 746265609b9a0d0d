using System.Collections.Frozen;
using SpinDetect.Text;

namespace SpinDetect.Quality;

/// <summary>
/// English function words (the stop-word signal for "is this English prose?"), the eight Gopher stop words,
/// and month and weekday names (time stamps in bylines). Lookups take spans and do not allocate.
/// </summary>
internal static class EnglishWords
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said",
        "says", "many", "who's", "it's", "don't", "didn't", "isn't", "wasn't", "can't", "won't", "there's",
        "since", "still", "though", "although", "yet", "every", "however", "because", "whether", "without");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Groups of function words whose rates tell authors and registers apart (stylometry): articles, pronouns by
    /// person, tenses of the auxiliaries, modals, "said", relatives, negation, deixis. Index = group; stop words
    /// not listed fall in <see cref="OtherFunctionWords"/>.
    /// </summary>
    private static readonly string[][] Groups =
    [
        ["the"],
        ["a", "an"],
        ["of"],
        ["and", "or", "but", "nor", "yet"],
        ["to"],
        ["in", "on", "at", "into", "upon", "from", "by", "with", "for", "about", "through", "during", "over", "under",
            "above", "below", "between", "against", "after", "before", "until", "off", "out", "up", "down", "since",
            "without"],
        ["i", "me", "my", "myself"],
        ["he", "him", "his", "himself"],
        ["she", "her", "hers", "herself"],
        ["you", "your", "yours", "yourself", "yourselves"],
        ["we", "our", "ours", "ourselves"],
        ["they", "them", "their", "theirs", "themselves"],
        ["it", "its", "itself", "it's"],
        ["is", "are", "am", "be", "been", "being", "isn't"],
        ["was", "were", "had", "did", "didn't", "wasn't"],
        ["has", "have", "having", "do", "does", "doing", "don't"],
        ["will", "would", "can", "could", "should", "may", "might", "must", "can't", "won't"],
        ["said", "says"],
        ["that", "which", "who", "whom", "what", "when", "where", "why", "how", "who's", "whether", "while"],
        ["not", "no"],
        ["this", "these", "those", "there", "here", "then", "now", "there's"],
    ];

    /// <summary>Number of function-word groups (<see cref="FunctionWordGroup"/> returns 0 to this minus one).</summary>
    public const int FunctionWordGroups = 22;

    /// <summary>The group of the stop words that no listed group holds.</summary>
    public const int OtherFunctionWords = FunctionWordGroups - 1;

    private static readonly FrozenDictionary<string, byte> GroupOf = BuildGroups();

    private static readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> GroupLookup =
        GroupOf.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, byte> BuildGroups()
    {
        var map = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in StopWords)
        {
            map[word] = OtherFunctionWords;
        }

        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var word in Groups[g])
            {
                if (map.ContainsKey(word))
                {
                    map[word] = (byte)g;
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The function-word group of a stop word (0 to <see cref="FunctionWordGroups"/> − 1), or −1 when the
    /// word is not a stop word (so it also answers <see cref="IsStopWord"/> in one lookup).</summary>
    public static int FunctionWordGroup(ReadOnlySpan<char> word) => GroupLookup.TryGetSpelling(word, out var group) ? group : -1;

    private static readonly FrozenSet<string> CalendarWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun", "am", "pm", "edt", "est", "gmt", "utc", "bst", "cet", "pdt", "pst", "ago");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarLookup =
        CalendarWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word is an English function word (case-insensitive).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word) => StopLookup.ContainsSpelling(word);

    /// <summary>Whether the word names a month, a weekday, or a clock marker.</summary>
    public static bool IsCalendarWord(ReadOnlySpan<char> word) => CalendarLookup.Contains(word);

    /// <summary>Bit 0..7 for the Gopher stop words {the, be, to, of, and, that, have, with}; 0 for any other word.</summary>
    public static int GopherBit(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 4)
        {
            return 0;
        }

        if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (word.Equals("be", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        if (word.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return 4;
        }

        if (word.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return 8;
        }

        if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return 16;
        }

        if (word.Equals("that", StringComparison.OrdinalIgnoreCase))
        {
            return 32;
        }

        if (word.Equals("have", StringComparison.OrdinalIgnoreCase))
        {
            return 64;
        }

        return word.Equals("with", StringComparison.OrdinalIgnoreCase) ? 128 : 0;
    }
}
