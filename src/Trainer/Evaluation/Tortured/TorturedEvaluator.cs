using System.Diagnostics;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Runs an evidence source over carrier sentences and synthetic abstracts built from tortured-phrase pairs and
/// measures phrase recall, false alarms, precision, suggestion hits and document separation.
/// </summary>
internal sealed class TorturedEvaluator
{
    private readonly ISpinEvidenceSource _source;
    private readonly TorturedEvaluationOptions _options;
    private readonly IReadOnlyList<CarrierTemplate> _templates;

    /// <summary>Creates an evaluator; <paramref name="templates"/> defaults to <see cref="CarrierTemplates.All"/>.</summary>
    public TorturedEvaluator(
        ISpinEvidenceSource source, TorturedEvaluationOptions? options = null, IReadOnlyList<CarrierTemplate>? templates = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _options = options ?? new TorturedEvaluationOptions();
        _options.Validate();
        _templates = templates ?? CarrierTemplates.All;
        if (_templates.Count < _options.TemplatesPerRow)
        {
            throw new ArgumentException(
                $"{_options.TemplatesPerRow} templates per row requested but only {_templates.Count} exist.", nameof(templates));
        }
    }

    /// <summary>Evaluates the source on <paramref name="set"/>.</summary>
    public TorturedEvaluationResult Evaluate(TorturedPhraseSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var outcomes = new PhraseOutcome[set.Pairs.Count];
        var phraseClock = Stopwatch.StartNew();
        var phrases = EvaluatePhrases(set.Pairs, outcomes);
        phraseClock.Stop();
        var documentClock = Stopwatch.StartNew();
        var documents = EvaluateDocuments(set.Pairs, out var abstractAnalyses);
        documentClock.Stop();
        var listed = _options.ListedPhrases;
        var mostMissed = outcomes.Where(o => o.Misses > 0)
            .OrderByDescending(o => (double)o.Misses / o.Trials).ThenByDescending(o => o.Papers).ThenBy(o => o.Line)
            .Take(listed).ToArray();
        var mostFalseAlarmed = outcomes.Where(o => o.FalseAlarms > 0)
            .OrderByDescending(o => (double)o.FalseAlarms / o.Trials).ThenByDescending(o => o.MaxFalseAlarmScore)
            .ThenByDescending(o => o.Papers).ThenBy(o => o.Line)
            .Take(listed).ToArray();
        var timing = new EvaluationTiming(
            2 * phrases.Sentences, phraseClock.Elapsed, abstractAnalyses, documentClock.Elapsed);
        return new TorturedEvaluationResult(
            _source.Name, set.Path, set.TotalRows, set.Pairs.Count, set.Skipped, set.EqualLengthPairs, set.UncertainPairs,
            _templates.Count, _options,
            phrases, documents, mostMissed, mostFalseAlarmed, timing);
    }

    /// <summary>The templates used for a row: a deterministic function of the seed and the tortured phrase.</summary>
    internal static int[] ChooseTemplates(string tortured, int seed, int count, int templateCount) =>
        Sampling.Distinct(new Random(Sampling.StableHash(tortured, seed)), templateCount, count);

    private PhraseLevelMetrics EvaluatePhrases(IReadOnlyList<TorturedPair> pairs, PhraseOutcome[] outcomes)
    {
        var marks = new List<(double Score, bool Correct)>();
        var hitScores = new List<double>();   // per tortured sentence with a mark on the phrase: its best score
        var falseScores = new List<double>(); // per twin with a mark on the phrase: its best score
        int sentences = 0, marked = 0, markedChanged = 0, falseAlarms = 0, suggestionHits = 0;
        var positions = Enum.GetValues<SlotPosition>();
        var positionSentences = new int[positions.Length];
        var positionMarked = new int[positions.Length];
        var positionAlarms = new int[positions.Length];
        for (var p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            int misses = 0, alarms = 0;
            var maxAlarm = double.NaN;
            foreach (var t in ChooseTemplates(pair.Tortured.Text, _options.Seed, _options.TemplatesPerRow, _templates.Count))
            {
                sentences++;
                var position = (int)_templates[t].Position;
                positionSentences[position]++;
                var tortured = _templates[t].Render(pair.Tortured);
                var outcome = ScoreTortured(tortured, pair.Alignment, pair.Expected, marks);
                if (outcome.Marked)
                {
                    marked++;
                    positionMarked[position]++;
                    hitScores.Add(outcome.BestScore);
                }
                else
                {
                    misses++;
                }

                markedChanged += outcome.MarkedChanged ? 1 : 0;
                suggestionHits += outcome.SuggestionHit ? 1 : 0;

                var twin = _templates[t].Render(pair.Expected);
                var alarmScore = ScoreTwin(twin, marks);
                if (!double.IsNaN(alarmScore))
                {
                    falseAlarms++;
                    positionAlarms[position]++;
                    alarms++;
                    falseScores.Add(alarmScore);
                    maxAlarm = double.IsNaN(maxAlarm) ? alarmScore : Math.Max(maxAlarm, alarmScore);
                }
            }

            outcomes[p] = new PhraseOutcome(
                pair.Line, pair.Tortured.Text, pair.Expected.Text, pair.Papers, _options.TemplatesPerRow, misses, alarms, maxAlarm);
        }

        var correctMarks = marks.Count(m => m.Correct);
        var byPosition = positions.Select(x => new SlotPositionMetrics(
            x, positionSentences[(int)x], Ratio(positionMarked[(int)x], positionSentences[(int)x]),
            Ratio(positionAlarms[(int)x], positionSentences[(int)x]))).ToArray();
        var sweep = ThresholdSweep.Run(marks, hitScores, falseScores, sentences);
        return new PhraseLevelMetrics(
            sentences,
            Ratio(marked, sentences),
            Ratio(markedChanged, sentences),
            Ratio(falseAlarms, sentences),
            Ratio(marked, marked + falseAlarms),
            Ratio(correctMarks, marks.Count),
            marks.Count,
            Ratio(suggestionHits, sentences),
            Ratio(suggestionHits, marked),
            ThresholdSweep.BestRecallAt(sweep, _options.TargetPrecision),
            ThresholdSweep.BestRecallAt(sweep, _options.TargetPrecision, bySlot: true),
            byPosition,
            ThresholdSweep.Thin(sweep, _options.SweepRows));
    }

    private TorturedOutcome ScoreTortured(
        CarrierSentence sentence, PhraseAlignment alignment, PhraseWords expected, List<(double, bool)> marks)
    {
        var analysis = Analyze(sentence.Text);
        var outcome = default(TorturedOutcome);
        outcome.BestScore = double.NegativeInfinity;
        foreach (var span in analysis.Evidence)
        {
            var onPhrase = false;
            for (var i = 0; i < sentence.Phrase.Count; i++)
            {
                if (!span.Overlaps(sentence.WordStart(i), sentence.WordEnd(i)))
                {
                    continue;
                }

                onPhrase = true;
                if (alignment.IsChanged(i))
                {
                    outcome.MarkedChanged = true;
                    outcome.SuggestionHit |= SuggestsCounterpart(span.Suggestion, alignment.CounterpartsOf(i), expected);
                }
            }

            marks.Add((span.Score, onPhrase));
            if (onPhrase)
            {
                outcome.Marked = true;
                outcome.BestScore = Math.Max(outcome.BestScore, span.Score);
            }
        }

        return outcome;
    }

    /// <summary>Best score of a mark on the expected phrase of a twin, or NaN when none.</summary>
    private double ScoreTwin(CarrierSentence sentence, List<(double, bool)> marks)
    {
        var analysis = Analyze(sentence.Text);
        var best = double.NaN;
        foreach (var span in analysis.Evidence)
        {
            marks.Add((span.Score, false));
            for (var i = 0; i < sentence.Phrase.Count; i++)
            {
                if (span.Overlaps(sentence.WordStart(i), sentence.WordEnd(i)))
                {
                    best = double.IsNaN(best) ? span.Score : Math.Max(best, span.Score);
                    break;
                }
            }
        }

        return best;
    }

    private static bool SuggestsCounterpart(string? suggestion, IReadOnlyList<int> counterparts, PhraseWords expected)
    {
        if (string.IsNullOrWhiteSpace(suggestion) || counterparts.Count == 0)
        {
            return false;
        }

        foreach (var word in PhraseWords.Of(suggestion).Words)
        {
            foreach (var j in counterparts)
            {
                if (WordForms.SameLemma(word, expected.Words[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private DocumentLevelMetrics EvaluateDocuments(IReadOnlyList<TorturedPair> pairs, out int analyses)
    {
        analyses = 0;
        var counts = _options.TorturedCounts;
        var negatives = new List<double>();
        var positives = counts.Select(_ => new List<double>()).ToArray();
        var abstracts = 0;
        var sentences = 0;
        foreach (var synthetic in SyntheticAbstract.Build(pairs, _templates, _options))
        {
            abstracts++;
            sentences += synthetic.Rows.Count;
            negatives.Add(Analyze(synthetic.Clean).Probability);
            for (var c = 0; c < counts.Count; c++)
            {
                positives[c].Add(Analyze(synthetic.Tortured[c]).Probability);
            }

            analyses += 1 + counts.Count;
        }

        var byCount = new List<DocumentCountMetrics>();
        var pooled = new List<double>();
        for (var c = 0; c < counts.Count; c++)
        {
            byCount.Add(CountMetrics(counts[c].ToString(System.Globalization.CultureInfo.InvariantCulture), positives[c], negatives));
            if (counts[c] >= 2)
            {
                pooled.AddRange(positives[c]);
            }
        }

        byCount.Add(CountMetrics("≥2", pooled, negatives));
        return new DocumentLevelMetrics(abstracts, sentences, byCount);
    }

    /// <summary>AUC and TPR at the configured FPR of positives against negatives, with the shared metrics.</summary>
    private DocumentCountMetrics CountMetrics(string label, List<double> positives, List<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return new(label, positives.Count, negatives.Count, double.NaN, double.NaN);
        }

        var labels = new float[positives.Count + negatives.Count];
        labels.AsSpan(0, positives.Count).Fill(1f);
        var probabilities = new double[labels.Length];
        positives.CopyTo(probabilities, 0);
        negatives.CopyTo(probabilities, positives.Count);
        var metrics = BinaryClassificationMetrics.Compute(labels, probabilities);
        return new(label, positives.Count, negatives.Count, metrics.AreaUnderRocCurve,
            metrics.TruePositiveRateAtFalsePositiveRate(_options.DocumentFalsePositiveRate));
    }

    private SpinAnalysis Analyze(string text)
    {
        var analysis = _source.Analyze(text);
        if (!(analysis.Probability is >= 0 and <= 1))
        {
            throw new InvalidOperationException(
                $"Evidence source '{_source.Name}' returned probability {analysis.Probability} (must be in [0, 1]).");
        }

        foreach (var span in analysis.Evidence)
        {
            if (span.Offset < 0 || span.Length < 0 || span.End > text.Length || double.IsNaN(span.Score))
            {
                throw new InvalidOperationException(
                    $"Evidence source '{_source.Name}' returned span ({span.Offset}, {span.Length}, score {span.Score}) "
                    + $"outside a text of {text.Length} characters or with a NaN score.");
            }
        }

        return analysis;
    }

    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;

    private struct TorturedOutcome
    {
        public bool Marked;
        public bool MarkedChanged;
        public bool SuggestionHit;
        public double BestScore;
    }
}
