namespace SpinDetect.Quality;

/// <summary>Document-level counts behind the Gopher/C4-style rules; filled by <see cref="QualityFeatureExtractor"/>.</summary>
internal struct DocumentStats
{
    /// <summary>Words, numbers, addresses and handles (Gopher's "words").</summary>
    public int Words;

    /// <summary>Non-blank lines.</summary>
    public int Lines;

    /// <summary>Mean length of letter words.</summary>
    public double MeanWordLength;

    /// <summary>Share of words that contain a letter.</summary>
    public double AlphaWordShare;

    /// <summary>How many of {the, be, to, of, and, that, have, with} occur (0–8).</summary>
    public int GopherStopWords;

    /// <summary>Share of lines that end in an ellipsis.</summary>
    public double EllipsisLineShare;

    /// <summary>Share of lines that repeat an earlier line.</summary>
    public double DuplicateLineShare;

    /// <summary>Share of lines kept by the C4 rule (terminal punctuation and at least 3 words).</summary>
    public double C4LineShare;

    /// <summary>Mojibake markers in the whole text.</summary>
    public int Mojibake;

    /// <summary>Lines with at least two signs of a broken address.</summary>
    public int MangledLines;

    /// <summary>Share of letter words that are English function words.</summary>
    public double StopRatio;

    /// <summary>Share of letter words of 3+ letters with no vowel or four consonants in a row.</summary>
    public double ConsonantClusterShare;

    /// <summary>Hash signs and ellipses per word (Gopher's symbol-to-word ratio).</summary>
    public double SymbolWordRatio;

    /// <summary>Longest run of characters without a letter (spaces included).</summary>
    public int LongestNonLetterRun;

    /// <summary>Whether every Gopher rule passes: 50–100,000 words, mean word length 3–10, ≥ 80% words with a
    /// letter, ≥ 2 Gopher stop words, ≤ 30% lines ending in an ellipsis, ≤ 30% duplicate lines, symbol ratio ≤ 0.1.</summary>
    public readonly bool GopherPass =>
        Words is >= 50 and <= 100_000
        && MeanWordLength is >= 3 and <= 10
        && AlphaWordShare >= 0.8
        && GopherStopWords >= 2
        && EllipsisLineShare <= 0.3
        && DuplicateLineShare <= 0.3
        && SymbolWordRatio <= 0.1;
}
