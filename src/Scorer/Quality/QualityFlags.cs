namespace SpinDetect.Quality;

/// <summary>
/// Problems found in a scraped text. The public names are the lower-case kebab-case strings given on each member
/// (for example <c>appended-unrelated</c>), as written in score records and by the command line.
/// </summary>
[Flags]
internal enum QualityFlags
{
    /// <summary>No problem found.</summary>
    None = 0,

    /// <summary><c>boilerplate</c>: page furniture such as advertisement markers, share prompts, photo credits,
    /// bylines, newsletter or cookie prompts, or related-story headlines between paragraphs.</summary>
    Boilerplate = 1 << 0,

    /// <summary><c>appended-unrelated</c>: content from another document appended or inserted, such as a block
    /// of headlines or a "more news" list.</summary>
    AppendedUnrelated = 1 << 1,

    /// <summary><c>mangled-urls</c>: web addresses or handles broken apart by text extraction
    /// ("https :// name/ status/ 1308…").</summary>
    MangledUrls = 1 << 2,

    /// <summary><c>garbled</c>: mojibake ("â€™"), replacement characters, or long runs without letters.</summary>
    Garbled = 1 << 3,

    /// <summary><c>repeated-lines</c>: the same line occurs more than once.</summary>
    RepeatedLines = 1 << 4,

    /// <summary><c>too-short</c>: fewer words than are needed to judge the text (50).</summary>
    TooShort = 1 << 5,

    /// <summary><c>not-english</c>: the text does not read as English.</summary>
    NotEnglish = 1 << 6,
}
