namespace SpinDetect;

/// <summary>
/// The spin model could not be found or loaded. The message names the file or the places searched and says how to
/// obtain a model.
/// </summary>
public sealed class SpinModelException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public SpinModelException()
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong, naming the model file.</param>
    public SpinModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong, naming the model file.</param>
    /// <param name="innerException">The error that made the model unreadable.</param>
    public SpinModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
