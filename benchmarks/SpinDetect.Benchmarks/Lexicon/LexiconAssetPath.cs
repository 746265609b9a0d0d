namespace SpinDetect.Benchmarks.Lexicon;

/// <summary>Locates models/lexicon.bin: <c>SPINDETECT_LEXICON</c> if set, else by walking up to the repository root.</summary>
internal static class LexiconAssetPath
{
    internal static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("SPINDETECT_LEXICON");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models", "lexicon.bin");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("models/lexicon.bin not found above " + AppContext.BaseDirectory + "; set SPINDETECT_LEXICON.");
    }
}
