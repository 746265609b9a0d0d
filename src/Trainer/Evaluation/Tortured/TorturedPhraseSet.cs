namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>The usable pairs of a tortured-phrase file and what was skipped.</summary>
/// <param name="Path">The file read.</param>
/// <param name="TotalRows">Data rows in the file (header excluded).</param>
/// <param name="MinPapers">The paper-count threshold applied.</param>
/// <param name="Pairs">The usable pairs, in file order.</param>
/// <param name="Skipped">Skipped rows per reason (every reason present, zero when none).</param>
internal sealed record TorturedPhraseSet(
    string Path, int TotalRows, int MinPapers, IReadOnlyList<TorturedPair> Pairs,
    IReadOnlyDictionary<SkipReason, int> Skipped)
{
    /// <summary>Rows skipped for any reason.</summary>
    public int SkippedRows => TotalRows - Pairs.Count;

    /// <summary>Pairs whose phrases have the same number of words (aligned by position).</summary>
    public int EqualLengthPairs => Pairs.Count(p => p.Tortured.Count == p.Expected.Count);

    /// <summary>Pairs whose expected phrase the file marks as a guess.</summary>
    public int UncertainPairs => Pairs.Count(p => p.Uncertain);
}
