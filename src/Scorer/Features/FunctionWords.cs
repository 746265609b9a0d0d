using System.Collections.Frozen;
using SpinDetect.Text;

namespace SpinDetect.Features;

/// <summary>
/// Closed-class English words (articles, pronouns, prepositions, conjunctions, auxiliaries). Spinners rarely
/// replace them, and they shape the grammatical context that a substitute must fit, so they are context
/// for the features but never candidates themselves.
/// </summary>
internal static class FunctionWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "every", "each", "either", "neither",
        "all", "both", "half", "several", "many", "much", "more", "most", "few", "fewer", "less", "least", "other",
        "another", "such", "what", "which", "whose", "whatever", "whichever",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
        "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves",
        "they", "them", "their", "theirs", "themselves", "who", "whom", "one", "ones", "someone", "anyone",
        "everyone", "something", "anything", "everything", "nothing", "nobody", "somebody", "anybody", "everybody",
        "about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before", "behind",
        "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during", "except",
        "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over",
        "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under",
        "underneath", "until", "unto", "up", "upon", "via", "with", "within", "without",
        "and", "or", "but", "nor", "so", "yet", "if", "unless", "because", "although", "though", "while", "whereas",
        "whether", "when", "whenever", "where", "wherever", "why", "how", "however", "then", "there", "here",
        "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
        "not", "n't", "very", "too", "also", "just", "only", "even", "still", "again", "ever", "never", "now",
        "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "isn't",
        "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "it's", "i'm", "you're", "we're", "they're",
        "he's", "she's", "that's", "there's", "let's", "i've", "we've", "they've", "you've", "i'd", "we'd", "i'll",
        "we'll", "they'll", "you'll", "mr", "mrs", "ms", "dr");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "to",
        "didn't", "doesn't", "don't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is a closed-class word (in any typographic spelling, see <see cref="WordSpelling"/>).</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.ContainsSpelling(word);

    /// <summary>Whether <paramref name="word"/> is a determiner that must be followed by a noun phrase.</summary>
    public static bool IsDeterminer(ReadOnlySpan<char> word) => Determiners.ContainsSpelling(word);

    /// <summary>Whether <paramref name="word"/> is a modal, "do"-support or infinitival "to" that needs a verb next.</summary>
    public static bool IsVerbGovernor(ReadOnlySpan<char> word) => Auxiliaries.ContainsSpelling(word);
}
