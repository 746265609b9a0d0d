namespace SpinDetect.Quality;

/// <summary>A line judged not to be part of the article: its range in the source text (without the line break),
/// the reason, and the line model's probability that it is junk.</summary>
internal readonly record struct JunkLine(int Start, int Length, JunkReason Reason, float Probability)
{
    /// <summary>Offset just past the line's last character.</summary>
    public int End => Start + Length;

    /// <summary>The reason as its lower-case kebab-case name.</summary>
    public string ReasonName => Reason switch
    {
        JunkReason.Boilerplate => "boilerplate",
        JunkReason.Unrelated => "appended-unrelated",
        JunkReason.MangledUrl => "mangled-urls",
        JunkReason.Garbled => "garbled",
        _ => "repeated-lines",
    };
}
