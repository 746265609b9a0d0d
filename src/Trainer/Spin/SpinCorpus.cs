using SpinDetect.Training.Corpus;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Spin;

/// <summary>
/// Turns a corpus folder (see <see cref="CorpusBuild.Read"/>, which checks that every spun row has its substitution
/// log) into <see cref="SpinDocument"/>s with their replacement spans.
/// </summary>
internal static class SpinCorpus
{
    /// <summary>Loads the training corpus of a corpus folder (corpus.csv + substitutions.jsonl).</summary>
    public static List<SpinDocument> LoadFolder(string folder)
    {
        var build = CorpusBuild.Read(folder);
        return ToDocuments(build.Records, build.Logs);
    }

    /// <summary>
    /// Loads the training corpus and, when the folder has a non-empty one, the WordNet evaluation set (null otherwise:
    /// a corpus built with --no-wordnet writes it as a header alone), reading each file once; with
    /// <paramref name="development"/>, the WordNet development set (validation originals) instead.
    /// </summary>
    public static (List<SpinDocument> Corpus, List<SpinDocument>? WordNet) LoadFolderWithEvaluation(string folder, bool development = false)
    {
        var file = development ? CorpusBuild.DevelopmentFile : CorpusBuild.EvaluationFile;
        var withEvaluation = File.Exists(Path.Combine(folder, file));
        var build = CorpusBuild.Read(folder, withEvaluation, development);
        var set = development ? ToDocuments(build.DevelopmentRecords, build.DevelopmentLogs) : ToDocuments(build.EvaluationRecords, build.EvaluationLogs);
        return (ToDocuments(build.Records, build.Logs), set.Count == 0 ? null : set);
    }

    private static List<SpinDocument> ToDocuments(
        IReadOnlyList<CorpusRecord> records, IReadOnlyDictionary<string, IReadOnlyList<Substitution>> logs)
    {
        var documents = new List<SpinDocument>(records.Count);
        foreach (var record in records)
        {
            (int, int)[] spans = [];
            string[]? originals = null;
            if (record.Label == 1)
            {
                var log = logs[record.Id];
                spans = new (int, int)[log.Count];
                originals = new string[log.Count];
                for (var i = 0; i < log.Count; i++)
                {
                    spans[i] = (log[i].SpunStart, log[i].SpunLength);
                    originals[i] = log[i].Original;
                }

                Array.Sort(spans, originals);
            }

            documents.Add(new SpinDocument(
                record.Id,
                string.IsNullOrEmpty(record.Document) ? record.OriginalId : record.Document,
                record.Source,
                record.Label == 1 ? SpinnerName(record) : "none",
                record.SpinRate,
                record.Text,
                record.Label == 1,
                spans,
                record.Split,
                record.Register,
                originals));
        }

        return documents;
    }

    private static string SpinnerName(CorpusRecord record) =>
        string.IsNullOrEmpty(record.Choice) ? record.Spinner : record.Spinner + "/" + record.Choice;
}
