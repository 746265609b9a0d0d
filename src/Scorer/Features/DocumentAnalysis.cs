using System.Buffers;
using SpinDetect.Text;

namespace SpinDetect.Features;

/// <summary>
/// Reusable per-document working memory of the featurizer: tokens, the word stream the language model sees,
/// and one feature row per eligible word. Arrays come from <see cref="ArrayPool{T}"/> and grow to the largest
/// document seen, so steady-state scoring allocates nothing here. Not thread-safe: one per thread.
/// </summary>
internal sealed class DocumentAnalysis : IDisposable
{
    /// <summary>Tokens of the current document.</summary>
    public TokenList Tokens { get; } = new(512);

    /// <summary>Number of word tokens (all words, eligible or not).</summary>
    public int WordCount { get; set; }

    /// <summary>Number of paragraphs seen.</summary>
    public int ParagraphCount { get; set; }

    /// <summary>Number of positions in the language-model word stream.</summary>
    public int StreamCount { get; set; }

    /// <summary>Word id per stream position (−1 unknown).</summary>
    public int[] StreamIds = [];

    /// <summary>Token index per stream position.</summary>
    public int[] StreamTokens = [];

    /// <summary>Per stream position: 1 when the word is a content word with an id (context for similarity), else 0.</summary>
    public byte[] StreamContent = [];

    /// <summary>Mean unit vector of the document's eligible words (semantic centre), when embeddings are used.</summary>
    public float[] DocumentCentroid = [];

    /// <summary>Index of the first stream position of the sentence, per stream position.</summary>
    public int[] SentenceStarts = [];

    /// <summary>Index just past the last stream position of the sentence, per stream position.</summary>
    public int[] SentenceEnds = [];

    /// <summary>Number of eligible words (candidates for having been substituted).</summary>
    public int EligibleCount { get; set; }

    /// <summary>Words that would be eligible but are not in the vocabulary (not scored; their share is a document feature).</summary>
    public int UnknownCount { get; set; }

    /// <summary>Word-stream position per eligible word (see <see cref="StreamTokens"/> for its token).</summary>
    public int[] EligiblePositions = [];

    /// <summary>Paragraph number per eligible word.</summary>
    public int[] EligibleParagraphs = [];

    /// <summary>Best candidate original (word id, −1 none) per eligible word.</summary>
    public int[] BestCandidates = [];

    /// <summary>Row-major token feature matrix, <see cref="TokenFeatures.Count"/> columns per eligible word.</summary>
    public float[] Features = [];

    /// <summary>Substitution probability per eligible word, filled by the token model.</summary>
    public float[] Probabilities = [];

    /// <summary>Occurrences of each word id in the current document.</summary>
    public WordIdCounts WordCounts { get; } = new();

    /// <summary>Row-major input of the contextual token model, <see cref="TokenContextFeatures.Count"/> columns per eligible word.</summary>
    public float[] ContextFeatures = [];

    /// <summary>Per word id of the eligible words: how many there are and the sum of their first-stage probabilities.</summary>
    public WordIdCounts EligibleWordProbabilities { get; } = new();

    /// <summary>Scratch for medians and quantiles.</summary>
    public float[] Scratch = [];

    /// <summary>The feature row of eligible word <paramref name="index"/>.</summary>
    public Span<float> Row(int index) => Features.AsSpan(index * TokenFeatures.Count, TokenFeatures.Count);

    /// <summary>The contextual-model row of eligible word <paramref name="index"/>.</summary>
    public Span<float> ContextRow(int index) =>
        ContextFeatures.AsSpan(index * TokenContextFeatures.Count, TokenContextFeatures.Count);

    /// <summary>Makes room for the contextual rows of <paramref name="eligibleCount"/> words.</summary>
    public void EnsureContextCapacity(int eligibleCount) =>
        Ensure(ref ContextFeatures, eligibleCount * TokenContextFeatures.Count);

    /// <summary>Makes room for a document of <paramref name="tokenCount"/> tokens.</summary>
    public void EnsureCapacity(int tokenCount)
    {
        Ensure(ref StreamIds, tokenCount);
        Ensure(ref StreamTokens, tokenCount);
        Ensure(ref StreamContent, tokenCount);
        Ensure(ref SentenceStarts, tokenCount);
        Ensure(ref SentenceEnds, tokenCount);
        Ensure(ref EligiblePositions, tokenCount);
        Ensure(ref EligibleParagraphs, tokenCount);
        Ensure(ref BestCandidates, tokenCount);
        Ensure(ref Probabilities, tokenCount);
        Ensure(ref Scratch, tokenCount);
        Ensure(ref Features, tokenCount * TokenFeatures.Count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Tokens.Dispose();
        WordCounts.Dispose();
        EligibleWordProbabilities.Dispose();
        Return(ref ContextFeatures);
        Return(ref StreamIds);
        Return(ref StreamTokens);
        Return(ref StreamContent);
        DocumentCentroid = [];
        Return(ref SentenceStarts);
        Return(ref SentenceEnds);
        Return(ref EligiblePositions);
        Return(ref EligibleParagraphs);
        Return(ref BestCandidates);
        Return(ref Probabilities);
        Return(ref Scratch);
        Return(ref Features);
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length >= length)
        {
            return;
        }

        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = ArrayPool<T>.Shared.Rent(Math.Max(length, 64));
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
