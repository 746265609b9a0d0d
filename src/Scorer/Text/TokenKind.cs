namespace SpinDetect.Text;

/// <summary>What a token is; decides whether it is a candidate for synonym substitution.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters, possibly with internal apostrophes ("don't", "cat's").</summary>
    Word,

    /// <summary>Starts with a digit: "6,000", "3.5", "2020", "10th".</summary>
    Number,

    /// <summary>Sentence and clause punctuation, quotes, brackets, dashes.</summary>
    Punctuation,

    /// <summary>A web address ("https://…", "www.…", "example.com/path").</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A social-media handle or hashtag ("@name", "#tag").</summary>
    Handle,

    /// <summary>Anything else that is not white space (symbols, emoji, stray marks).</summary>
    Symbol,
}
