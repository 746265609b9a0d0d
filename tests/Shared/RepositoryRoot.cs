namespace SpinDetect.Tests;

/// <summary>The repository's root folder (holding SpinDetect.sln), for tests that read committed assets.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A committed file, by its path relative to the root.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "SpinDetect.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SpinDetect.sln not found above " + AppContext.BaseDirectory);
    }
}
