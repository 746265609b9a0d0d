namespace SpinDetect.Quality;

/// <summary>
/// One non-blank line: <see cref="Start"/>/<see cref="Length"/> cover its text without surrounding white space;
/// <see cref="FullStart"/>/<see cref="FullEnd"/> cover the whole physical line including its line break, so removing
/// it leaves no stray break. <see cref="Paragraph"/> counts blank-line-separated blocks from 0.
/// </summary>
internal readonly record struct TextLine(int Start, int Length, int FullStart, int FullEnd, int Paragraph)
{
    /// <summary>Offset just past the line's last non-white-space character.</summary>
    public int End => Start + Length;
}
