using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SpinDetect.Text;

/// <summary>
/// Opens a file for reading without waiting: on Linux a named pipe is opened non-blocking (an ordinary open waits for
/// a writer, which would stall a whole batch on one entry of a folder); regular files behave exactly as with
/// <see cref="File.OpenHandle"/>, which is used everywhere else and for every error report.
/// </summary>
internal static partial class ReadableFile
{
    // open(2) flags on Linux (x86-64 and arm64 alike): O_RDONLY | O_NONBLOCK | O_CLOEXEC.
    private const int ReadOnlyNonBlocking = 0x0 | 0x800 | 0x80000;

    // lseek(2) whence: relative to the current position.
    private const int SeekCurrent = 1;

    /// <summary>A read handle on <paramref name="path"/>, which the caller has found not to be a folder (a folder opens
    /// for reading on Linux); the exceptions are those of <see cref="File.OpenHandle"/>.</summary>
    public static SafeFileHandle Open(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var descriptor = OpenDescriptor(path, ReadOnlyNonBlocking);
            if (descriptor >= 0)
            {
                return new SafeFileHandle(descriptor, ownsHandle: true);
            }

            // Not found, denied, a loop: the ordinary open below fails the same way and says so in .NET's terms.
        }

        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
    }

    /// <summary>Whether <paramref name="handle"/> is a file with a position (not a pipe, socket or terminal).</summary>
    public static bool IsSeekable(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        // lseek(2) fails with ESPIPE on pipes, sockets and terminals; it moves nothing when asked where it is.
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Seek(handle.DangerousGetHandle().ToInt32(), 0, SeekCurrent) >= 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "lseek")]
    private static partial long Seek(int descriptor, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenDescriptor(string path, int flags);
}
