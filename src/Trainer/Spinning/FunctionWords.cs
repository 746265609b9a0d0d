namespace SpinDetect.Training.Spinning;

/// <summary>
/// English closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries, a few particles).
/// Spinners replace content words; these are neither replaced on their own nor offered as replacements, and
/// the spin rate counts content words only.
/// </summary>
internal static class FunctionWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "i", "me", "you", "he", "him", "she", "it", "we", "us", "they", "them", "myself", "yourself", "himself",
        "herself", "itself", "ourselves", "themselves", "who", "whom", "whose", "which", "what", "whoever",
        "whatever", "whichever", "mine", "yours", "hers", "ours", "theirs",
        "about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before",
        "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "down", "during", "for",
        "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "past",
        "since", "through", "throughout", "till", "to", "toward", "towards", "under", "until", "up", "upon",
        "with", "within", "without", "via",
        "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "although", "though", "while",
        "whereas", "unless", "whether", "when", "whenever", "where", "wherever", "why", "how", "once",
        "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does",
        "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "ought", "not", "no", "yes", "there", "here", "all", "any", "some", "each", "every", "either", "neither",
        "both", "few", "many", "much", "more", "most", "less", "least", "other", "another", "such", "own",
        "same", "very", "too", "also", "just", "only", "even", "again", "ever", "never", "now", "still",
        "already", "one", "ones", "none", "nothing", "something", "anything", "everything", "someone",
        "anyone", "everyone", "nobody", "somebody", "anybody", "everybody", "o", "oh", "mr", "mrs", "ms", "dr",
    };

    /// <summary>Whether <paramref name="word"/> is a closed-class word (case-insensitive).</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
