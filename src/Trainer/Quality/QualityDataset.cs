using SpinDetect.Lexicon;
using SpinDetect.Quality;
using SpinDetect.Training.Boosting;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Feature rows of generated documents, built with the runtime's <see cref="QualityFeatureExtractor"/>: line rows
/// with junk and unrelated labels, and document rows (aggregates filled from a given line model) with a clean label.
/// </summary>
internal static class QualityDataset
{
    /// <summary>Generates <paramref name="count"/> documents from a side.</summary>
    public static List<LabeledDocument> Generate(QualitySide side, CorruptionOptions options, int count, int seed)
    {
        var corruptor = new DocumentCorruptor(side, options, seed);
        var documents = new List<LabeledDocument>(count);
        for (var i = 0; i < count; i++)
        {
            documents.Add(corruptor.Next());
        }

        return documents;
    }

    /// <summary>Line rows of the English documents: the junk table (every line) and the unrelated-content table
    /// (junk lines only: the unrelated model only tells apart kinds of lines already judged junk).</summary>
    /// <remarks>With <paramref name="firstStage"/> (a model whose <see cref="QualityModel.FirstJunk"/> is set), its
    /// first-stage outputs fill the context columns, as at run time; with <paramref name="temper"/> as well, a share
    /// <paramref name="temperShare"/> of those outputs is tempered where they are read as a neighbour's (see
    /// <see cref="QualityTrainingOptions.ContextTemperShare"/>).</remarks>
    public static (TabularData Junk, TabularData Unrelated) Lines(
        IReadOnlyList<LabeledDocument> documents,
        byte[] idf,
        QualityVectors? vectors = null,
        QualityModel? firstStage = null,
        ReferenceLexicon? lexicon = null,
        Random? temper = null,
        double temperShare = 0)
    {
        var features = new List<float>();
        var junk = new List<float>();
        var junkFeatures = new List<float>();
        var unrelated = new List<float>();
        var scratch = new QualityScratch { Idf = idf, Vectors = vectors, Lexicon = lexicon };
        foreach (var document in documents)
        {
            if ((document.Expected & QualityFlags.NotEnglish) != 0)
            {
                continue;
            }

            var count = Extract(document, scratch);
            if (firstStage is not null && temper is not null && firstStage.FirstJunk is not null)
            {
                var probabilities = scratch.Junk.AsSpan(0, count);
                var rows = scratch.Rows.AsSpan(0, count * QualityFeatures.Count);
                firstStage.FirstJunk.Probabilities(rows, probabilities);
                var own = probabilities.ToArray();
                Temper(probabilities, temper, temperShare);
                QualityFeatureExtractor.WriteJunkContext(scratch, count, probabilities);

                // Only the neighbours' outputs are tempered: the line's own stays as the first stage gave it (tempered,
                // article lines, ten times as many, make every middling own output look like article text).
                for (var li = 0; li < count; li++)
                {
                    rows[(li * QualityFeatures.Count) + QualityFeatures.ContextJunk] = own[li];
                }
            }
            else if (firstStage is not null)
            {
                QualityAnalyzer.ScoreFirstStage(scratch, count, firstStage);
            }

            features.AddRange(scratch.Rows.AsSpan(0, count * QualityFeatures.Count));
            for (var li = 0; li < count; li++)
            {
                var kind = document.Lines[li];
                junk.Add(kind == LineKind.Article ? 0 : 1);
                if (kind != LineKind.Article)
                {
                    junkFeatures.AddRange(scratch.Rows.AsSpan(li * QualityFeatures.Count, QualityFeatures.Count));
                    unrelated.Add(kind == LineKind.Unrelated ? 1 : 0);
                }
            }
        }

        return (new TabularData(QualityFeatures.Names, features.ToArray(), [.. junk]),
                new TabularData(QualityFeatures.Names, junkFeatures.ToArray(), [.. unrelated]));
    }

    /// <summary>Multiplies the log-odds of a share <paramref name="share"/> of <paramref name="probabilities"/> by a
    /// uniform draw in [0, 1]: each moves towards 0.5 by a random amount and stays on its side of it.</summary>
    internal static void Temper(Span<float> probabilities, Random random, double share)
    {
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (random.NextDouble() >= share)
            {
                continue;
            }

            var p = Math.Clamp((double)probabilities[i], 1e-6, 1 - 1e-6);
            var logOdds = Math.Log(p / (1 - p)) * random.NextDouble();
            probabilities[i] = (float)(1 / (1 + Math.Exp(-logOdds)));
        }
    }

    /// <summary>Document rows with aggregates from <paramref name="model"/>'s line ensembles; labels: clean, and
    /// appended or inserted foreign content.</summary>
    public static (TabularData Clean, TabularData Appended) Documents(IReadOnlyList<LabeledDocument> documents, QualityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var features = new float[documents.Count * QualityFeatures.Count];
        var labels = new float[documents.Count];
        var appended = new float[documents.Count];
        var scratch = new QualityScratch { Idf = model.Idf, Vectors = model.Vectors, Lexicon = model.Lexicon };
        for (var i = 0; i < documents.Count; i++)
        {
            var count = Extract(documents[i], scratch);
            QualityAnalyzer.ScoreLines(scratch, count, model);
            QualityAnalyzer.FillAggregates(scratch, count, model.Thresholds);
            scratch.DocumentRow.CopyTo(features, i * QualityFeatures.Count);
            labels[i] = documents[i].IsClean ? 1 : 0;
            appended[i] = (documents[i].Expected & QualityFlags.AppendedUnrelated) != 0 ? 1 : 0;
        }

        return (new TabularData(QualityFeatures.Names, features, labels), new TabularData(QualityFeatures.Names, features, appended));
    }

    /// <summary>
    /// Quantised inverse document frequency of the content words of a side's articles and foreign documents, per bag
    /// bucket: round(16 · ln(N / (1 + df))) clipped to a byte, so unseen words weigh most.
    /// </summary>
    public static byte[] InverseDocumentFrequency(QualitySide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var frequency = new int[QualityScratch.BagSize];
        var seen = new bool[QualityScratch.BagSize];
        var scratch = new QualityScratch();
        var documents = 0;
        foreach (var document in side.Articles.Concat(side.Foreign))
        {
            var count = QualityFeatureExtractor.Extract(string.Join("\n\n", document.Paragraphs), scratch, out _);
            if (count == 0)
            {
                continue;
            }

            documents++;
            var total = scratch.HashStart[count - 1] + scratch.HashCount[count - 1];
            Array.Clear(seen);
            foreach (var hash in scratch.WordHashes.AsSpan(0, total))
            {
                var bucket = (int)(hash & (QualityScratch.BagSize - 1));
                if (!seen[bucket])
                {
                    seen[bucket] = true;
                    frequency[bucket]++;
                }
            }
        }

        var idf = new byte[QualityScratch.BagSize];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = (byte)Math.Clamp(Math.Round(16 * Math.Log((double)documents / (1 + frequency[i]))), 0, 255);
        }

        return idf;
    }

    /// <summary>Extracts a document's rows and checks that its lines match the ground truth.</summary>
    public static int Extract(LabeledDocument document, QualityScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scratch);
        var count = QualityFeatureExtractor.Extract(document.Text, scratch, out _);
        if (count != document.Lines.Length)
        {
            throw new InvalidOperationException(
                $"Generated document ({document.Recipe}) has {count} lines but {document.Lines.Length} labels.");
        }

        return count;
    }
}
