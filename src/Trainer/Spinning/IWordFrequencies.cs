namespace SpinDetect.Training.Spinning;

/// <summary>
/// How common lowercase words are: the common-only spinner keeps candidates inside a rank cut and weights them
/// by frequency; the eligibility check uses it to tell a sentence-initial common word from a proper noun.
/// </summary>
internal interface IWordFrequencies
{
    /// <summary>Short name of the source for reports ("lm-unigrams", "corpus-counts").</summary>
    string Name { get; }

    /// <summary>1 for the most common word, larger for rarer ones; <see cref="int.MaxValue"/> when unknown.</summary>
    int Rank(string word);

    /// <summary>A positive weight proportional to the word's frequency (0 when unknown).</summary>
    double Frequency(string word);
}
