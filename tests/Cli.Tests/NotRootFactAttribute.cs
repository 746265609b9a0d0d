namespace SpinDetect.Tests;

/// <summary>
/// A fact about file permissions: skipped (reported as skipped, not passed) on Windows and when the tests run as
/// root, where permission bits do not stop reading.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Skip = "needs a Unix account whose file permissions apply (not root)";
        }
    }
}
