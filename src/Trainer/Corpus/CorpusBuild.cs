using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>What <see cref="CorpusBuilder"/> produces: the training corpus and the WordNet evaluation set, with logs.</summary>
/// <param name="Records">Clean and Moby-spun texts in train, validation and test splits.</param>
/// <param name="Logs">Substitution log of every spun text in <paramref name="Records"/>, keyed by its id.</param>
/// <param name="EvaluationRecords">
/// EVALUATION ONLY: the test-split originals and their WordNet-spun versions (uniform and common-only choice).
/// </param>
/// <param name="EvaluationLogs">Substitution log of every spun text in <paramref name="EvaluationRecords"/>.</param>
internal sealed record CorpusBuild(
    IReadOnlyList<CorpusRecord> Records,
    IReadOnlyDictionary<string, IReadOnlyList<Substitution>> Logs,
    IReadOnlyList<CorpusRecord> EvaluationRecords,
    IReadOnlyDictionary<string, IReadOnlyList<Substitution>> EvaluationLogs)
{
    /// <summary>File name of the training corpus in the output folder.</summary>
    public const string CorpusFile = "corpus.csv";

    /// <summary>File name of the training corpus's substitution logs.</summary>
    public const string LogFile = "substitutions.jsonl";

    /// <summary>File name of the WordNet evaluation set (never for training).</summary>
    public const string EvaluationFile = "eval-wordnet.csv";

    /// <summary>File name of the WordNet evaluation set's substitution logs.</summary>
    public const string EvaluationLogFile = "eval-wordnet-substitutions.jsonl";

    /// <summary>File name of the WordNet development set (validation originals; never for training).</summary>
    public const string DevelopmentFile = "eval-wordnet-dev.csv";

    /// <summary>File name of the WordNet development set's substitution logs.</summary>
    public const string DevelopmentLogFile = "eval-wordnet-dev-substitutions.jsonl";

    /// <summary>
    /// NEVER FOR TRAINING: the validation-split originals and their WordNet-spun versions, made like
    /// <see cref="EvaluationRecords"/>, so that settings can be chosen on a dictionary the model never saw without
    /// looking at the test texts.
    /// </summary>
    public IReadOnlyList<CorpusRecord> DevelopmentRecords { get; init; } = [];

    /// <summary>Substitution log of every spun text in <see cref="DevelopmentRecords"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Substitution>> DevelopmentLogs { get; init; } =
        new Dictionary<string, IReadOnlyList<Substitution>>();

    /// <summary>
    /// Writes the six files into <paramref name="directory"/> (each atomically; an empty set as its header alone, so no
    /// file of an earlier build is left behind).
    /// </summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        CorpusCsv.Write(Path.Combine(directory, CorpusFile), Records);
        SubstitutionJsonl.Write(Path.Combine(directory, LogFile), Entries(Records, Logs));
        CorpusCsv.Write(Path.Combine(directory, EvaluationFile), EvaluationRecords);
        SubstitutionJsonl.Write(Path.Combine(directory, EvaluationLogFile), Entries(EvaluationRecords, EvaluationLogs));
        CorpusCsv.Write(Path.Combine(directory, DevelopmentFile), DevelopmentRecords);
        SubstitutionJsonl.Write(Path.Combine(directory, DevelopmentLogFile), Entries(DevelopmentRecords, DevelopmentLogs));
    }

    /// <summary>
    /// Reads a corpus written by <see cref="Write"/> from <paramref name="directory"/>; a WordNet set is read only when
    /// asked for (a training run must not touch them): the evaluation pair with <paramref name="withEvaluation"/>, the
    /// development pair instead when <paramref name="development"/> is also set. Only the asked-for pair must exist.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or a spun text has no log (the message names it).</exception>
    public static CorpusBuild Read(string directory, bool withEvaluation = false, bool development = false)
    {
        var records = CorpusCsv.Read(Path.Combine(directory, CorpusFile));
        var logs = ReadLogs(Path.Combine(directory, LogFile), records);
        var none = new Dictionary<string, IReadOnlyList<Substitution>>();
        if (!withEvaluation)
        {
            return new CorpusBuild(records, logs, [], none);
        }

        if (development)
        {
            var set = CorpusCsv.Read(Path.Combine(directory, DevelopmentFile));
            return new CorpusBuild(records, logs, [], none)
            {
                DevelopmentRecords = set,
                DevelopmentLogs = ReadLogs(Path.Combine(directory, DevelopmentLogFile), set),
            };
        }

        var evaluation = CorpusCsv.Read(Path.Combine(directory, EvaluationFile));
        return new CorpusBuild(records, logs, evaluation, ReadLogs(Path.Combine(directory, EvaluationLogFile), evaluation));
    }

    private static Dictionary<string, IReadOnlyList<Substitution>> ReadLogs(string path, List<CorpusRecord> records)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Substitution log '{path}' is missing; run 'spindetect corpus build'.", path);
        }

        var logs = new Dictionary<string, IReadOnlyList<Substitution>>(StringComparer.Ordinal);
        foreach (var (id, log) in SubstitutionJsonl.Read(path))
        {
            logs[id] = log;
        }

        foreach (var record in records)
        {
            if (record.Label == 1 && !logs.ContainsKey(record.Id))
            {
                throw new InvalidDataException($"{path}: no substitution log for the spun text '{record.Id}'.");
            }
        }

        return logs;
    }

    private static IEnumerable<(string, string, IReadOnlyList<Substitution>)> Entries(
        IReadOnlyList<CorpusRecord> records, IReadOnlyDictionary<string, IReadOnlyList<Substitution>> logs)
    {
        foreach (var record in records)
        {
            if (record.Label == 1)
            {
                yield return (record.Id, record.OriginalId, logs[record.Id]);
            }
        }
    }
}
