using System.Runtime.InteropServices;

namespace SpinDetect.Lexicon;

/// <summary>
/// Allocation of the lexicon's and the word vectors' large lookup tables (tens of megabytes read at random, a few
/// cache lines per lookup) on transparent huge pages where Linux offers them on request. With 4 KB pages nearly
/// every lookup also misses the TLB, and on a virtual machine each such miss is a two-level page walk; 2 MB pages
/// make the tables' translations fit the TLB. Only where the array lives changes, never its contents.
/// </summary>
internal static partial class LargeTables
{
    /// <summary>Tables smaller than this stay on ordinary pages (a huge page would be mostly empty).</summary>
    internal const int MinimumBytes = 4 << 20;

    private const int HugePageBytes = 2 << 20;

    // madvise(2) advice: back the range with transparent huge pages (Linux 2.6.38+).
    private const int AdviceHugePage = 14;

    /// <summary>
    /// An array of <paramref name="length"/> elements whose contents the caller overwrites entirely. A large one is
    /// pinned (a fixed address for the advice below to stay true) and advised onto huge pages before it is first
    /// written, so the pages it faults in are huge ones; elsewhere (other systems, smaller arrays, advice refused) an
    /// ordinary uninitialised array.
    /// </summary>
    internal static T[] Allocate<T>(int length)
        where T : unmanaged
    {
        var bytes = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes < MinimumBytes || !OperatingSystem.IsLinux())
        {
            return GC.AllocateUninitializedArray<T>(length);
        }

        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        Advise(ref MemoryMarshal.GetArrayDataReference(array), bytes);
        return array;
    }

    private static unsafe void Advise<T>(ref T start, long bytes)
    {
        // The array is pinned (pinned object heap), so its address is stable for its lifetime. Only whole 2 MB pages
        // inside it are advised; a refusal (huge pages disabled, old kernel) leaves ordinary pages, which is harmless.
        var address = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref start);
        var first = (address + HugePageBytes - 1) & ~(nint)(HugePageBytes - 1);
        var end = (address + (nint)bytes) & ~(nint)(HugePageBytes - 1);
        if (end > first)
        {
            try
            {
                _ = MemoryAdvise(first, (nuint)(end - first), AdviceHugePage);
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MemoryAdvise(nint address, nuint length, int advice);
}
