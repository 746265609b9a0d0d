namespace SpinDetect.Model;

/// <summary>
/// Thrown when a model file cannot be used: it is truncated, corrupt, not a SpinDetect model, written by a newer
/// format version, or built for a different feature schema than the caller expects.
/// </summary>
internal sealed class ModelFormatException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ModelFormatException()
        : base("The model file is not valid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
