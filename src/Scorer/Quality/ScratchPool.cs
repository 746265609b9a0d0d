using System.Buffers;

namespace SpinDetect.Quality;

/// <summary>Growth of pooled arrays kept in per-thread scratch space.</summary>
internal static class ScratchPool
{
    /// <summary>Replaces <paramref name="array"/> with a pooled array of at least <paramref name="minimum"/>
    /// elements, keeping its contents.</summary>
    public static void Grow<T>(ref T[] array, int minimum)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(minimum, Math.Max(16, array.Length * 2)));
        array.AsSpan().CopyTo(bigger);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = bigger;
    }

    /// <summary>Makes sure <paramref name="array"/> has at least <paramref name="minimum"/> elements; contents
    /// are not kept.</summary>
    public static void Ensure<T>(ref T[] array, int minimum)
    {
        if (array.Length >= minimum)
        {
            return;
        }

        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = ArrayPool<T>.Shared.Rent(Math.Max(minimum, 16));
    }
}
