using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpinDetect.Features;
using SpinDetect.Model;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Evaluation;
using SpinDetect.Training.Spin;

namespace SpinDetect.Training.Retraining;

/// <summary>
/// Retrains the spin model with a user's labelled samples, safely: the samples are validated before anything
/// else (<see cref="SampleValidationException"/> lists every problem, nothing is written); they are split by
/// group and merged with the base corpus — user samples have no substitution log, so the token model learns from
/// the corpus alone and the samples join the document model's training (weighted) and validation; the new model
/// and the current one are measured on the same held-out rows; the new model replaces the current one only when
/// it is not worse on the user's held-out samples (see <see cref="RetrainOptions.AucTolerance"/>) or
/// <see cref="RetrainOptions.Replace"/> is set, and the previous file is kept as a backup. Same inputs and seed
/// give a byte-identical model; cancellation is honoured between stages and never leaves a half-written file.
/// </summary>
public sealed class SpinRetrainer
{
    private readonly RetrainOptions _options;

    /// <summary>Creates a retrainer; the options are validated here.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SpinRetrainer(RetrainOptions? options = null)
    {
        _options = options ?? new RetrainOptions();
        _options.Validate();
    }

    /// <summary>
    /// The report is written last, after the model: a path that names an input or any file other than an earlier
    /// report would lose that file for good, so it is refused before the run (the command checks the same, and more,
    /// for its users; this guards callers of the library).
    /// </summary>
    private static void CheckReportPath(RetrainRequest request)
    {
        var report = Path.GetFullPath(request.Report);
        foreach (var input in request.SampleFiles.Append(request.CurrentModel))
        {
            if (string.Equals(Path.GetFullPath(input), report, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The report path {request.Report} names an input of the retraining ({input}); it is not overwritten.", nameof(request));
            }
        }

        // The model goes to one of these two: a report written there would replace the model just written.
        foreach (var model in (ReadOnlySpan<string>)[request.OutputPath, request.CandidatePath])
        {
            if (string.Equals(Path.GetFullPath(model), report, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The report path {request.Report} is where the model may be written ({model}); give the report another name.", nameof(request));
            }
        }

        if (Directory.Exists(report))
        {
            throw new ArgumentException($"The report path {request.Report} is a folder; give a file name.", nameof(request));
        }

        if (File.Exists(report) && !RetrainReport.IsReport(report))
        {
            throw new ArgumentException(
                $"The report path {request.Report} names an existing file that is not a retraining report; it is not overwritten.", nameof(request));
        }
    }

    /// <summary>Validates the samples against the base corpus without training; returns the number of valid samples.</summary>
    /// <exception cref="SampleValidationException">The samples have problems (all are listed).</exception>
    public int ValidateSamples(IReadOnlyList<string> sampleFiles, string baseCorpusFolder) =>
        SampleSet.Load(sampleFiles, SpinCorpus.LoadFolder(baseCorpusFolder), _options).Count;

    /// <summary>Runs the whole retraining: validate, train, compare, write the model (or the candidate), backup and report.</summary>
    /// <exception cref="ArgumentException">The report would replace a sample file, the current model, the new model (at
    /// the output or candidate path) or an existing file that is not an earlier retraining report, or it is a folder;
    /// checked before anything is read or written.</exception>
    /// <exception cref="SampleValidationException">The samples have problems; nothing was written.</exception>
    /// <exception cref="RetrainReportException">The model was written but the report could not be.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the current model is untouched and no model was written.</exception>
    public RetrainResult Retrain(RetrainRequest request, IProgress<RetrainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckReportPath(request);
        var baseCorpus = SpinCorpus.LoadFolder(request.BaseCorpusFolder);
        return Retrain(
            request, baseCorpus, () => SpinFeaturizer.Load(request.LexiconPath), request.BaseCorpusFolder, request.LexiconPath, progress, cancellationToken);
    }

    /// <summary>The run with the base corpus and featurizer supplied (tests, callers that hold them already).</summary>
    internal RetrainResult Retrain(
        RetrainRequest request,
        IReadOnlyList<SpinDocument> baseCorpus,
        Func<SpinFeaturizer> loadFeaturizer,
        string? corpusFolder,
        string? lexiconPath,
        IProgress<RetrainProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(baseCorpus);
        ArgumentNullException.ThrowIfNull(loadFeaturizer);
        CheckReportPath(request);
        var clock = Stopwatch.StartNew();
        var samples = SampleSet.Load(request.SampleFiles, baseCorpus, _options);
        cancellationToken.ThrowIfCancellationRequested();

        var training = _options.Training;
        var user = UserSplit.Assign(samples, _options.ValidationShare, _options.TestShare, _options.SampleWeight, training.Seed);
        var userTrain = user.Where(u => u.Document.Split == "train").ToList();
        var userValidation = user.Where(u => u.Document.Split == "validation").Select(u => u.Document).ToList();
        var userTest = user.Where(u => u.Document.Split == "test").Select(u => u.Document).ToList();
        var baseTrain = baseCorpus.Where(d => d.Split == "train").ToList();
        var baseValidation = baseCorpus.Where(d => d.Split == "validation").ToList();
        var baseTest = baseCorpus.Where(d => d.Split == "test").ToList();

        var featurizer = loadFeaturizer();
        cancellationToken.ThrowIfCancellationRequested();

        // Stage weights in "documents featurized" units, for the ETA. Fitting a token model was measured at about
        // three times its featurizing with the default 250 trees (on the shipped corpus, two threads); cross-fitting
        // fits two half-size models and one on all words, and featurizes every training document for both models
        // (and once more for the contextual models).
        var tokenShare = training.CrossFit ? 1 : training.TokenShare;
        var tokenDocs = (baseTrain.Count * tokenShare) + baseValidation.Count;
        var tokenFit = tokenDocs * 3.0 * (training.CrossFit ? 2 : 1) * training.TokenModel.NumberOfTrees / SpinTrainingOptions.Defaults.TokenTrees;
        if (training.CrossFit && training.ContextModel is not null)
        {
            // The contextual models' tables featurize every training and validation document once more.
            tokenFit += tokenDocs;
        }

        var documentDocs = (baseTrain.Count * (training.CrossFit ? 1 : 1 - training.TokenShare)) + userTrain.Count + baseValidation.Count + userValidation.Count;
        // The suggestion ranker featurizes up to 20 words of each spun training document (64 candidates searched, 16 ranked).
        double[] weights = training.SuggestionModel is null
            ? [tokenDocs, tokenFit, documentDocs, documentDocs * 0.05, 2.0 * (baseTest.Count + userTest.Count), 1]
            : [tokenDocs, tokenFit, documentDocs, documentDocs * 0.05, tokenDocs * 0.5, 2.0 * (baseTest.Count + userTest.Count), 1];
        var eta = new EtaTracker(progress, weights);
        var trainerProgress = new Progress(eta);
        var documentOnly = new DocumentOnlySamples(userTrain.Select(u => u.Document).ToList(), userTrain.Select(u => u.Weight).ToList(), userValidation);
        var result = new SpinModelTrainer(training).Train(baseTrain, baseValidation, featurizer, trainerProgress, documentOnly, cancellationToken);

        eta.Next("evaluating the new and the current model on the held-out rows");
        var threads = training.NumberOfThreads ?? Environment.ProcessorCount;
        var metadata = SpinModelMetadata.Create(result, training, TrainedAt(), corpusFolder ?? "", lexiconPath ?? "");
        var newModel = result.ToSpinModel(featurizer, metadata);
        var heldOut = baseTest.Concat(userTest).ToList();
        var newPredictions = SpinEvaluator.Predict(heldOut, newModel, threads);
        cancellationToken.ThrowIfCancellationRequested();
        var currentExists = File.Exists(request.CurrentModel);
        SpinPredictions? currentPredictions = null;
        SpinModel? current = null;
        string? currentProblem = null;
        if (currentExists)
        {
            try
            {
                current = SpinModel.Load(request.CurrentModel, featurizer);
                currentPredictions = SpinEvaluator.Predict(heldOut, current, threads);
            }
            catch (Exception e) when (e is ModelFormatException or IOException or InvalidDataException)
            {
                currentProblem = e.Message;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var isUser = heldOut.Select(d => d.Source == "user").ToArray();
        var userComparison = Compare(newPredictions, currentPredictions, newModel.Threshold, current?.Threshold, isUser, true);
        var baseComparison = Compare(newPredictions, currentPredictions, newModel.Threshold, current?.Threshold, isUser, false);
        metadata = Extend(metadata, request, lexiconPath, samples, baseCorpus, userComparison, baseComparison, (userTrain.Count, userValidation.Count, userTest.Count));
        var package = result.ToPackage(metadata);
        var (replace, reason) = ReplacementRule.Decide(userComparison, currentProblem, currentExists, _options, File.Exists(request.OutputPath));

        eta.Next(replace ? $"writing {request.OutputPath}" : $"writing the candidate {request.CandidatePath}");
        cancellationToken.ThrowIfCancellationRequested();
        string? backup = null;
        var modelPath = replace ? request.OutputPath : request.CandidatePath;
        if (replace && File.Exists(request.OutputPath))
        {
            // Copied under a temporary name and renamed, so an interrupted copy never looks like a backup.
            backup = BackupPath(request.OutputPath);
            File.Copy(request.OutputPath, backup + ".tmp", overwrite: true);
            File.Move(backup + ".tmp", backup);
        }

        // From here on the run completes: the model file is replaced atomically, then the report follows it.
        ModelFile.Write(modelPath, package);
        var outcome = new RetrainResult
        {
            Replaced = replace,
            Reason = reason,
            ModelPath = modelPath,
            BackupPath = backup,
            ReportPath = request.Report,
            CurrentFound = currentExists,
            UserHeldOut = userComparison,
            BaseHeldOut = baseComparison,
            UserSamples = (userTrain.Count, userValidation.Count, userTest.Count),
            Elapsed = clock.Elapsed,
        };
        var markdown = RetrainReport.Create(request, _options, outcome, result, metadata, currentProblem);
        try
        {
            AtomicFile.WriteText(request.Report, writer => writer.Write(markdown));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The model is already in place: say so, rather than let the failure read as "nothing was written".
            throw new RetrainReportException(
                $"the model was written to {modelPath}{(backup is null ? "" : $" (previous model backed up to {backup})")}, "
                + $"but the report {request.Report} could not be written: {e.Message}", modelPath, request.Report, e);
        }

        return outcome;
    }

    private DateTimeOffset TrainedAt() => _options.TrainedAt ?? new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);

    private ModelMetadata Extend(
        ModelMetadata metadata,
        RetrainRequest request,
        string? lexiconPath,
        IReadOnlyList<UserSample> samples,
        IReadOnlyList<SpinDocument> baseCorpus,
        ModelComparison user,
        ModelComparison @base,
        (int Train, int Validation, int Test) counts)
    {
        var c = CultureInfo.InvariantCulture;
        var options = new SortedDictionary<string, string>(metadata.Options.ToDictionary(), StringComparer.Ordinal)
        {
            ["retrain.sample_weight"] = _options.SampleWeight.ToString("R", c),
            ["retrain.validation_share"] = _options.ValidationShare.ToString("R", c),
            ["retrain.test_share"] = _options.TestShare.ToString("R", c),
            ["retrain.sample_files"] = string.Join(";", request.SampleFiles.Select(Path.GetFileName)),
        };
        var metrics = new SortedDictionary<string, double>(metadata.Metrics.ToDictionary(), StringComparer.Ordinal)
        {
            ["retrain.user_samples.train"] = counts.Train,
            ["retrain.user_samples.validation"] = counts.Validation,
            ["retrain.user_samples.test"] = counts.Test,
        };
        AddMetrics(metrics, "test.user.", user.New);
        AddMetrics(metrics, "test.base.", @base.New);
        var hashes = new SortedDictionary<string, string>(metadata.DataHashes.ToDictionary(), StringComparer.Ordinal)
        {
            ["base-corpus.documents"] = Hash(baseCorpus.Select(d => $"{d.Id}\t{d.Split}\t{(d.Spun ? 1 : 0)}\t{d.Group}\t{string.Join(",", d.Replacements)}\t{d.Text}")),
        };
        // The featurizer reads the word vectors beside the lexicon; they shape the features as much as the lexicon.
        var embeddings = lexiconPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(lexiconPath))!, SpinFeaturizer.EmbeddingsFileName);
        if (embeddings is not null && File.Exists(embeddings))
        {
            using var stream = File.OpenRead(embeddings);
            hashes["embeddings"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        for (var i = 0; i < request.SampleFiles.Count; i++)
        {
            var file = request.SampleFiles[i];
            hashes[$"samples.{i + 1}.{Path.GetFileName(file)}"] = Hash(samples.Where(s => s.File == file)
                .Select(s => $"{(s.Spun ? 1 : 0)}\t{s.Group}\t{s.Weight.ToString("R", c)}\t{s.Text}"));
        }

        return metadata with
        {
            Description = metadata.Description + $" Retrained with {samples.Count:N0} user samples.",
            Options = options,
            Metrics = metrics,
            DataHashes = hashes,
        };
    }

    private static void AddMetrics(SortedDictionary<string, double> metrics, string prefix, BinaryClassificationMetrics? m)
    {
        if (m is null)
        {
            return;
        }

        metrics[prefix + "auc"] = m.AreaUnderRocCurve;
        metrics[prefix + "log_loss"] = m.LogLoss;
        metrics[prefix + "f1"] = m.F1Score;
        metrics[prefix + "rows"] = m.PositiveCount + m.NegativeCount;
    }

    /// <summary>Lower-case hex SHA-256 of the lines (UTF-8, each followed by a newline), in order.</summary>
    private static string Hash(IEnumerable<string> lines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(line));
            sha.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static ModelComparison Compare(
        SpinPredictions fresh, SpinPredictions? current, double newThreshold, double? currentThreshold, bool[] isUser, bool user)
    {
        var labels = new List<float>();
        var newScores = new List<double>();
        var currentScores = new List<double>();
        for (var i = 0; i < isUser.Length; i++)
        {
            if (isUser[i] == user)
            {
                labels.Add(fresh.Documents[i].Spun ? 1 : 0);
                newScores.Add(fresh.Probabilities[i]);
                currentScores.Add(current?.Probabilities[i] ?? 0);
            }
        }

        if (labels.Count == 0)
        {
            return new ModelComparison(0, null, null);
        }

        var y = labels.ToArray();
        return new ModelComparison(
            labels.Count,
            current is null ? null : BinaryClassificationMetrics.Compute(y, currentScores.ToArray(), currentThreshold!.Value),
            BinaryClassificationMetrics.Compute(y, newScores.ToArray(), newThreshold));
    }

    private static string BackupPath(string path)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var backup = $"{path}.bak-{stamp}";
        for (var n = 2; File.Exists(backup); n++)
        {
            backup = $"{path}.bak-{stamp}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return backup;
    }

    /// <summary>Turns the trainer's stage lines into <see cref="RetrainProgress"/> on the calling thread.</summary>
    private sealed class Progress(EtaTracker eta) : IProgress<string>
    {
        public void Report(string value) => eta.Next(value);
    }

    /// <summary>
    /// Estimates the time left from the stages' expected weights and the pace of the finished ones: the trainer
    /// reports only stage starts, so the estimate is refreshed at each of them.
    /// </summary>
    private sealed class EtaTracker(IProgress<RetrainProgress>? sink, double[] weights)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _stage;

        public void Next(string stage)
        {
            var total = weights.Sum();
            var done = weights.Take(Math.Min(_stage, weights.Length)).Sum();
            var elapsed = _clock.Elapsed;
            TimeSpan? remaining = done > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - done) / done) : null;
            _stage++;
            sink?.Report(new RetrainProgress(stage, Math.Min(_stage, weights.Length), weights.Length, total > 0 ? done / total : 0, elapsed, remaining));
        }
    }
}
