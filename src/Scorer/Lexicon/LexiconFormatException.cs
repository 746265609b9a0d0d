namespace SpinDetect.Lexicon;

/// <summary>
/// The lexicon file is not a usable SpinDetect lexicon: foreign, truncated, corrupted or of another format
/// version. The message names the file and the problem.
/// </summary>
internal sealed class LexiconFormatException : Exception
{
    /// <summary>Creates the exception with a message naming file and problem.</summary>
    /// <param name="message">What is wrong, including the file name.</param>
    public LexiconFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong, including the file name.</param>
    /// <param name="innerException">The error that revealed the problem.</param>
    public LexiconFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LexiconFormatException()
        : base("The lexicon file is not valid.")
    {
    }
}
