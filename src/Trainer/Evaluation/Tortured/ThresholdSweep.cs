namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Phrase-level figures as a function of an evidence-score threshold: a mark counts only when its score is at
/// or above the threshold.
/// </summary>
internal static class ThresholdSweep
{
    /// <summary>One point per distinct mark score, highest threshold first.</summary>
    /// <param name="marks">Every mark: its score and whether it lies on the tortured phrase of a tortured sentence.</param>
    /// <param name="hitScores">Per tortured sentence with a mark on its phrase, the best such score.</param>
    /// <param name="falseScores">Per twin with a mark on its phrase, the best such score.</param>
    /// <param name="sentences">Tortured sentences (= twins).</param>
    public static SweepPoint[] Run(
        IReadOnlyList<(double Score, bool Correct)> marks, IReadOnlyList<double> hitScores,
        IReadOnlyList<double> falseScores, int sentences)
    {
        var sortedMarks = marks.ToArray();
        Array.Sort(sortedMarks, static (a, b) => b.Score.CompareTo(a.Score));
        var hits = Descending(hitScores);
        var falses = Descending(falseScores);
        var points = new List<SweepPoint>();
        int m = 0, correct = 0, h = 0, f = 0;
        while (m < sortedMarks.Length)
        {
            var threshold = sortedMarks[m].Score;
            while (m < sortedMarks.Length && sortedMarks[m].Score >= threshold)
            {
                correct += sortedMarks[m].Correct ? 1 : 0;
                m++;
            }

            while (h < hits.Length && hits[h] >= threshold)
            {
                h++;
            }

            while (f < falses.Length && falses[f] >= threshold)
            {
                f++;
            }

            points.Add(new SweepPoint(
                threshold,
                sentences == 0 ? double.NaN : (double)h / sentences,
                (double)correct / m,
                h + f == 0 ? double.NaN : (double)h / (h + f),
                sentences == 0 ? double.NaN : (double)f / sentences));
        }

        return [.. points];
    }

    /// <summary>
    /// The point with the highest recall whose mark precision (or slot precision, with <paramref name="bySlot"/>)
    /// is at least <paramref name="precision"/>.
    /// </summary>
    public static SweepPoint? BestRecallAt(IReadOnlyList<SweepPoint> sweep, double precision, bool bySlot = false)
    {
        SweepPoint? best = null;
        foreach (var point in sweep)
        {
            if ((bySlot ? point.SlotPrecision : point.MarkPrecision) >= precision && (best is null || point.Recall > best.Value.Recall))
            {
                best = point;
            }
        }

        return best;
    }

    /// <summary>At most <paramref name="rows"/> points spread evenly over the sweep, the last point always kept.</summary>
    public static SweepPoint[] Thin(IReadOnlyList<SweepPoint> sweep, int rows)
    {
        if (sweep.Count <= rows)
        {
            return [.. sweep];
        }

        var result = new SweepPoint[rows];
        for (var i = 0; i < rows; i++)
        {
            result[i] = sweep[(int)((long)(sweep.Count - 1) * (i + 1) / rows)];
        }

        return result;
    }

    private static double[] Descending(IReadOnlyList<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array, static (a, b) => b.CompareTo(a));
        return array;
    }
}
