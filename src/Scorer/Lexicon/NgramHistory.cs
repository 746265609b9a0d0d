namespace SpinDetect.Lexicon;

/// <summary>
/// A two-word history (w1 w2) whose bigram entry has been looked up once, so that many candidate next words can
/// be scored after it without repeating the search: the featurizer scores up to 16 candidates after one history.
/// </summary>
/// <param name="W1">The older history word, or −1.</param>
/// <param name="W2">The newer history word, or −1 (the history is then empty).</param>
/// <param name="Bigram">Index of the (w1, w2) bigram entry, or −1 when it is absent or the lexicon does not resolve histories.</param>
/// <param name="Backoff">Backoff weight of that bigram entry (0 when there is none).</param>
internal readonly record struct NgramHistory(int W1, int W2, int Bigram, float Backoff);
