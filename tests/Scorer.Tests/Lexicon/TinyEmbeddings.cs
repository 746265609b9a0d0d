using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>
/// Three-dimensional vectors for the five words of <see cref="TinyLexicon"/>, chosen so cosines are easy to
/// compute by hand: "&lt;s&gt;" has none, bag = x, of = y, purse = x + y, the = −x + z (before scaling).
/// </summary>
internal static class TinyEmbeddings
{
    internal const int Dimensions = 3;

    internal const int Start = 0, Bag = 1, Of = 2, Purse = 3, The = 4;

    internal static readonly sbyte[] Vectors =
    [
        0, 0, 0,      // <s>: missing
        127, 0, 0,    // bag
        0, 127, 0,    // of
        127, 127, 0,  // purse
        -127, 0, 127, // the
    ];

    internal static ReferenceLexicon LoadLexicon() => TinyLexicon.Load(TinyLexicon.Bytes());

    /// <summary>Writes the fixture for <paramref name="lexicon"/> into <paramref name="directory"/> and returns its path.</summary>
    internal static string Write(string directory, ReferenceLexicon lexicon, sbyte[]? vectors = null, int dimensions = Dimensions)
    {
        var path = Path.Combine(directory, "tiny.emb");
        EmbeddingsFile.Write(path, dimensions, EmbeddingsFile.VocabularyHash(lexicon), vectors ?? Vectors);
        return path;
    }
}
