namespace SpinDetect.Tests.Resources;

/// <summary>
/// A fact that checks the real resources in data/cache; it is skipped (not failed) on a fresh clone where
/// the cache has not been fetched. Must-pass tests use fixtures instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CacheFactAttribute : FactAttribute
{
    public CacheFactAttribute(string relativePath)
    {
        if (CachePath(relativePath) is null)
        {
            Skip = $"data/cache/{relativePath} is not present (run data/fetch.sh to enable this check).";
        }
    }

    /// <summary>The full path of <paramref name="relativePath"/> under the repository's data/cache, or null.</summary>
    internal static string? CachePath(string relativePath)
    {
        var path = RepositoryRoot.File("data", "cache", relativePath);
        return File.Exists(path) ? path : null;
    }
}
