using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Builds the labelled corpus from clean source documents: cuts them into pieces, assigns each source group to
/// one split, keeps every piece as a clean text and adds one Moby-spun twin with settings drawn from
/// <see cref="SpinMixture"/> (balanced labels). Test-split originals also get WordNet-spun versions, which go only
/// into the evaluation set. Deterministic for a seed, whatever the thread count.
/// </summary>
internal sealed class CorpusBuilder
{
    /// <summary>Split names as written to the CSV.</summary>
    public const string Train = "train";

    /// <summary>Validation split name.</summary>
    public const string Validation = "validation";

    /// <summary>Test split name.</summary>
    public const string Test = "test";

    private readonly Spinner _spinner;
    private readonly Spinner? _evaluationSpinner;
    private readonly CorpusOptions _options;

    /// <summary>Creates a builder.</summary>
    /// <param name="spinner">The training spinner (Moby).</param>
    /// <param name="evaluationSpinner">The WordNet spinner for the evaluation set, or null to make none.</param>
    /// <param name="options">Corpus options (validated here).</param>
    public CorpusBuilder(Spinner spinner, Spinner? evaluationSpinner, CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(spinner);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (evaluationSpinner is not null && ReferenceEquals(evaluationSpinner.Dictionary, spinner.Dictionary))
        {
            throw new ArgumentException("The evaluation spinner must use a different dictionary from the training spinner.", nameof(evaluationSpinner));
        }

        _spinner = spinner;
        _evaluationSpinner = evaluationSpinner;
        _options = options;
    }

    /// <summary>The split of a source group: a pure function of the seed and the group name.</summary>
    public string SplitOf(string group)
    {
        var u = Spinner.UnitInterval(Hash(_options.Seed, "split", group));
        return u < _options.TrainShare ? Train : u < _options.TrainShare + _options.ValidationShare ? Validation : Test;
    }

    /// <summary>Builds the corpus from <paramref name="documents"/>.</summary>
    /// <param name="documents">Clean originals (ids unique).</param>
    /// <param name="progress">Receives short progress lines; may be null.</param>
    /// <exception cref="ArgumentException">Two documents share an id.</exception>
    public CorpusBuild Build(IReadOnlyList<SourceDocument> documents, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var pieces = Cut(documents);
        progress?.Invoke($"{pieces.Count} pieces from {documents.Count} documents");
        var results = new PieceResult?[pieces.Count];
        Parallel.For(0, pieces.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, i =>
        {
            results[i] = SpinPiece(pieces[i]);
        });

        var records = new List<CorpusRecord>(pieces.Count * 2);
        var logs = new Dictionary<string, IReadOnlyList<Substitution>>(StringComparer.Ordinal);
        var evaluation = new List<CorpusRecord>();
        var evaluationLogs = new Dictionary<string, IReadOnlyList<Substitution>>(StringComparer.Ordinal);
        var development = new List<CorpusRecord>();
        var developmentLogs = new Dictionary<string, IReadOnlyList<Substitution>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result is null)
            {
                continue;
            }

            records.Add(result.Clean);
            records.Add(result.Spun.Record);
            logs[result.Spun.Record.Id] = result.Spun.Substitutions;
            if (result.Evaluation.Count > 0)
            {
                var (set, setLogs) = result.Clean.Split == Test ? (evaluation, evaluationLogs) : (development, developmentLogs);
                set.Add(result.Clean);
                foreach (var (record, substitutions) in result.Evaluation)
                {
                    set.Add(record);
                    setLogs[record.Id] = substitutions;
                }
            }
        }

        progress?.Invoke($"{records.Count} corpus texts, {evaluation.Count} WordNet evaluation texts, {development.Count} WordNet development texts");
        return new CorpusBuild(records, logs, evaluation, evaluationLogs) { DevelopmentRecords = development, DevelopmentLogs = developmentLogs };
    }

    private List<Piece> Cut(IReadOnlyList<SourceDocument> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bySource = new SortedDictionary<string, List<Piece>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!seen.Add(document.Id))
            {
                throw new ArgumentException($"Two source documents share the id '{document.Id}'.", nameof(documents));
            }

            var (min, max) = document.Source == "sotu"
                ? (Math.Max(_options.MinWords, CorpusOptions.Defaults.SpeechMinWords), Math.Min(_options.MaxWords, CorpusOptions.Defaults.SpeechMaxWords))
                : (_options.MinWords, _options.MaxWords);
            var random = new Random(unchecked((int)Hash(_options.Seed, "chunk", document.Id)));
            var split = SplitOf(document.Group);
            for (var pass = 0; pass < Math.Max(1, document.Weight); pass++)
            {
                var chunks = TextChunker.Chunk(document.Text, min, max, random);
                for (var i = 0; i < chunks.Count; i++)
                {
                    var id = document.Weight > 1 ? $"{document.Id}#{pass}.{i:D3}" : $"{document.Id}#{i:D3}";
                    if (!bySource.TryGetValue(document.Source, out var list))
                    {
                        bySource[document.Source] = list = [];
                    }

                    list.Add(new Piece(id, document, split, chunks[i]));
                }
            }
        }

        var pieces = new List<Piece>();
        foreach (var list in bySource.Values)
        {
            pieces.AddRange(Sample(list, _options.MaxPerSource));
        }

        if (_options.MaxOriginals > 0)
        {
            pieces = Sample(pieces, _options.MaxOriginals);
        }

        pieces.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return pieces;
    }

    private List<Piece> Sample(List<Piece> pieces, int count)
    {
        if (pieces.Count <= count)
        {
            return pieces;
        }

        var keyed = new List<(ulong Key, Piece Piece)>(pieces.Count);
        foreach (var piece in pieces)
        {
            keyed.Add((Hash(_options.Seed, "sample", piece.Id), piece));
        }

        keyed.Sort((a, b) => a.Key.CompareTo(b.Key));
        var result = new List<Piece>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(keyed[i].Piece);
        }

        return result;
    }

    private PieceResult? SpinPiece(Piece piece)
    {
        var random = new Random(unchecked((int)Hash(_options.Seed, "spin", piece.Id)));
        var clean = new CorpusRecord
        {
            Id = piece.Id,
            Source = piece.Document.Source,
            Register = piece.Document.Register,
            Document = piece.Document.Group,
            Split = piece.Split,
            Label = 0,
            Spinner = "none",
            Words = TextStatistics.CountWords(piece.Text),
            Text = piece.Text,
        };

        var options = SpinMixture.Draw(random);
        var result = _spinner.Spin(piece.Text, options);
        if (result.Substitutions.Count == 0)
        {
            // Too few replaceable words for the drawn settings: a plain uniform spin, else no pair at all.
            options = new SpinOptions { Rate = 0.3, Seed = options.Seed };
            result = _spinner.Spin(piece.Text, options);
            if (result.Substitutions.Count == 0)
            {
                return null;
            }
        }

        var spun = (Spun(clean, _spinner.Dictionary.Name, options, result, "~" + _spinner.Dictionary.Name), result.Substitutions);
        var evaluation = new List<(CorpusRecord, IReadOnlyList<Substitution>)>();
        // Test originals feed the evaluation set, validation originals the development set; each piece draws from its
        // own generator after its Moby twin, so neither changes the training corpus or the other set.
        if (_evaluationSpinner is not null && _options.WordNetEvaluation && piece.Split is Test or Validation)
        {
            foreach (var choice in (ReadOnlySpan<SynonymChoice>)[SynonymChoice.Uniform, SynonymChoice.CommonOnly])
            {
                var evaluationOptions = SpinMixture.DrawEvaluation(random, choice);
                var evaluationResult = _evaluationSpinner.Spin(piece.Text, evaluationOptions);
                if (evaluationResult.Substitutions.Count > 0)
                {
                    var suffix = $"~{_evaluationSpinner.Dictionary.Name}-{(choice == SynonymChoice.CommonOnly ? "common" : "uniform")}";
                    evaluation.Add((Spun(clean, _evaluationSpinner.Dictionary.Name, evaluationOptions, evaluationResult, suffix), evaluationResult.Substitutions));
                }
            }

            // A third text from a spinner that maps each word to one synonym everywhere (common-only choice), reported
            // as its own variant; drawn last so the two variants above are unchanged by it.
            var consistentOptions = SpinMixture.DrawEvaluation(random, SynonymChoice.CommonOnly) with { Consistent = true };
            var consistentResult = _evaluationSpinner.Spin(piece.Text, consistentOptions);
            if (consistentResult.Substitutions.Count > 0)
            {
                var record = Spun(
                    clean, _evaluationSpinner.Dictionary.Name, consistentOptions, consistentResult, $"~{_evaluationSpinner.Dictionary.Name}-common-consistent",
                    "common-consistent");
                evaluation.Add((record, consistentResult.Substitutions));
            }
        }

        return new PieceResult(clean, spun, evaluation);
    }

    private static CorpusRecord Spun(CorpusRecord clean, string spinner, SpinOptions options, SpinResult result, string suffix, string? choice = null) => new()
    {
        Id = clean.Id + suffix,
        Source = clean.Source,
        Register = clean.Register,
        Document = clean.Document,
        Split = clean.Split,
        Label = 1,
        Spinner = spinner,
        Style = SpinOptions.StyleName(options.Style) + (options.Consistent ? "-consistent" : ""),
        Choice = choice ?? (options.Choice == SynonymChoice.CommonOnly ? "common" : "uniform"),
        Subset = options.SubsetSalt is null ? "full" : "half",
        SpinRate = result.Rate,
        Words = TextStatistics.CountWords(result.Text),
        OriginalId = clean.Id,
        Text = result.Text,
    };

    private static ulong Hash(int seed, string purpose, string key) =>
        Spinner.StableHash(purpose + "/" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), key);


    private sealed record Piece(string Id, SourceDocument Document, string Split, string Text);

    private sealed record PieceResult(
        CorpusRecord Clean,
        (CorpusRecord Record, IReadOnlyList<Substitution> Substitutions) Spun,
        List<(CorpusRecord Record, IReadOnlyList<Substitution> Substitutions)> Evaluation);
}
