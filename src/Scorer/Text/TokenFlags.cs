namespace SpinDetect.Text;

/// <summary>Properties of a token that later stages need without re-reading the text.</summary>
[Flags]
internal enum TokenFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>First character is an upper-case letter.</summary>
    Capitalized = 1 << 0,

    /// <summary>Every letter is upper case and there are at least two letters.</summary>
    AllCaps = 1 << 1,

    /// <summary>First word of a sentence (after . ! ? or a paragraph break, or at the start of the text).</summary>
    SentenceStart = 1 << 2,

    /// <summary>First token after a blank line or at the start of the text.</summary>
    ParagraphStart = 1 << 3,

    /// <summary>First token of a line.</summary>
    LineStart = 1 << 4,

    /// <summary>No white space between this token and the previous one ("well-known", "U.S.").</summary>
    Attached = 1 << 5,

    /// <summary>Contains an apostrophe ("don't", "cat's").</summary>
    Apostrophe = 1 << 6,

    /// <summary>Contains letters outside ASCII.</summary>
    NonAscii = 1 << 7,

    /// <summary>Mixed case inside the word ("iPhone", "McDonald").</summary>
    MixedCase = 1 << 8,

    /// <summary>The full stop of a title or an initial ("Mr.", "Dr.", "J.", "U.S."): it ends no sentence.</summary>
    Abbreviation = 1 << 9,
}
