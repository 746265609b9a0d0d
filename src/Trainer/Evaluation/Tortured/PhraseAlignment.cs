namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Which expected word(s) each tortured word stands for, so a suggestion on a marked tortured word can be
/// checked against "the corresponding word of the expected phrase".
/// </summary>
/// <remarks>
/// Rule: phrases with the same number of words align by position ("crimson fruit" → "red apple"). Otherwise
/// the longest common subsequence of identical words (ignoring case) anchors the alignment, and the gaps
/// between anchors align by position when both sides of the gap have the same length; when they differ, every
/// tortured word of the gap may stand for any expected word of the gap (a suggestion matching any of them
/// counts), and a tortured word facing an empty gap has no counterpart. A tortured word is <em>changed</em>
/// when none of its counterparts is the same word.
/// </remarks>
internal sealed class PhraseAlignment
{
    private readonly int[][] _counterparts;
    private readonly bool[] _changed;

    private PhraseAlignment(int[][] counterparts, bool[] changed)
    {
        _counterparts = counterparts;
        _changed = changed;
    }

    /// <summary>Number of tortured words.</summary>
    public int Count => _counterparts.Length;

    /// <summary>Indices of the expected words that tortured word <paramref name="torturedIndex"/> stands for.</summary>
    public IReadOnlyList<int> CounterpartsOf(int torturedIndex) => _counterparts[torturedIndex];

    /// <summary>Whether tortured word <paramref name="torturedIndex"/> differs from all its counterparts.</summary>
    public bool IsChanged(int torturedIndex) => _changed[torturedIndex];

    /// <summary>Aligns the words of <paramref name="tortured"/> with those of <paramref name="expected"/>.</summary>
    public static PhraseAlignment Align(IReadOnlyList<string> tortured, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(tortured);
        ArgumentNullException.ThrowIfNull(expected);
        var counterparts = new int[tortured.Count][];
        if (tortured.Count == expected.Count)
        {
            for (var i = 0; i < tortured.Count; i++)
            {
                counterparts[i] = [i];
            }
        }
        else
        {
            var anchors = CommonSubsequence(tortured, expected);
            int t = 0, e = 0;
            foreach (var (at, ae) in anchors.Append((tortured.Count, expected.Count)))
            {
                AlignGap(counterparts, t, at, e, ae);
                if (at < tortured.Count)
                {
                    counterparts[at] = [ae];
                }

                t = at + 1;
                e = ae + 1;
            }
        }

        var changed = new bool[tortured.Count];
        for (var i = 0; i < tortured.Count; i++)
        {
            changed[i] = true;
            foreach (var j in counterparts[i])
            {
                if (string.Equals(tortured[i], expected[j], StringComparison.OrdinalIgnoreCase))
                {
                    changed[i] = false;
                }
            }
        }

        return new PhraseAlignment(counterparts, changed);
    }

    private static void AlignGap(int[][] counterparts, int tStart, int tEnd, int eStart, int eEnd)
    {
        var gap = new int[eEnd - eStart];
        for (var j = 0; j < gap.Length; j++)
        {
            gap[j] = eStart + j;
        }

        for (var i = tStart; i < tEnd; i++)
        {
            counterparts[i] = tEnd - tStart == gap.Length ? [eStart + (i - tStart)] : gap;
        }
    }

    /// <summary>Index pairs of a longest common subsequence of equal words (case-insensitive), in order.</summary>
    private static List<(int T, int E)> CommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = string.Equals(a[i], b[j], StringComparison.OrdinalIgnoreCase)
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (string.Equals(a[x], b[y], StringComparison.OrdinalIgnoreCase))
            {
                pairs.Add((x++, y++));
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }
}
