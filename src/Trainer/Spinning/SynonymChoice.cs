namespace SpinDetect.Training.Spinning;

/// <summary>How a spinner picks one replacement among a word's synonyms.</summary>
internal enum SynonymChoice
{
    /// <summary>Any listed synonym with equal chance (gives rare, odd words: "pentad", "visitant").</summary>
    Uniform,

    /// <summary>
    /// Like real spinners' curated dictionaries: only synonyms inside the frequency cut
    /// (<see cref="SpinOptions.CommonRankCut"/>), weighted by frequency to the power <see cref="SpinOptions.Curation"/>.
    /// </summary>
    CommonOnly,
}
