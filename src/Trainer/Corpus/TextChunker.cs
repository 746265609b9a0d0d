using System.Text;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Cuts a document into article-sized pieces at sentence boundaries, keeping paragraph breaks. Each piece's
/// target length is drawn log-uniformly between the bounds, so that short and long texts are both common.
/// </summary>
internal static class TextChunker
{
    /// <summary>Pieces of <paramref name="text"/> of <paramref name="minWords"/>–<paramref name="maxWords"/> words.</summary>
    /// <remarks>
    /// A single sentence longer than the maximum becomes its own piece only if it fits; otherwise it is dropped.
    /// A remainder shorter than the minimum is joined to the previous piece when that stays within the maximum.
    /// </remarks>
    public static List<string> Chunk(string text, int minWords, int maxWords, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, minWords);
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var pieceWords = 0;
        var lastPieceWords = 0;
        var target = Target(minWords, maxWords, random);
        foreach (var paragraph in TextStatistics.Paragraphs(text))
        {
            var startOfParagraph = true;
            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                var words = TextStatistics.CountWords(sentence);
                if (words > maxWords)
                {
                    continue;
                }

                if (pieceWords > 0 && pieceWords + words > maxWords)
                {
                    Close();
                }

                if (piece.Length > 0)
                {
                    piece.Append(startOfParagraph ? "\n\n" : " ");
                }

                piece.Append(sentence);
                pieceWords += words;
                startOfParagraph = false;
                if (pieceWords >= target)
                {
                    Close();
                }
            }
        }

        if (pieceWords >= minWords)
        {
            Close();
        }
        else if (pieceWords > 0 && pieces.Count > 0 && lastPieceWords + pieceWords <= maxWords)
        {
            pieces[^1] = pieces[^1] + "\n\n" + piece.ToString().TrimStart();
        }

        return pieces;

        void Close()
        {
            if (pieceWords >= minWords)
            {
                pieces.Add(piece.ToString());
                lastPieceWords = pieceWords;
            }

            piece.Clear();
            pieceWords = 0;
            target = Target(minWords, maxWords, random);
        }
    }

    private static int Target(int minWords, int maxWords, Random random) =>
        (int)Math.Round(Math.Exp(Math.Log(minWords) + (random.NextDouble() * (Math.Log(maxWords) - Math.Log(minWords)))));
}
