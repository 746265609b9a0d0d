namespace SpinDetect;

/// <summary>
/// A value made on first use, once, thread-safely. Unlike <see cref="Lazy{T}"/>, a failed attempt is not
/// remembered: the shipped models are files a user may put in place after a first call failed, and the next call
/// must find them; the lock keeps a large model from being loaded twice at once.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class LoadOnce<T>(Func<T> load)
    where T : class
{
    private readonly Lock _lock = new();
    private T? _value;

    /// <summary>The value, made now if no call has made it yet; what <c>load</c> throws reaches the caller.</summary>
    public T Value
    {
        get
        {
            if (Volatile.Read(ref _value) is { } made)
            {
                return made;
            }

            lock (_lock)
            {
                if (_value is null)
                {
                    Volatile.Write(ref _value, load());
                }

                return _value!;
            }
        }
    }
}
