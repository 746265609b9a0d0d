using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Where everything the corpus needs lies in the data cache (see data/README.md), and loading it: the clean
/// sources, Moby, WordNet (morphology and the evaluation dictionary) and word frequencies.
/// </summary>
internal sealed class CorpusSources
{
    private Morphology? _morphology;

    /// <summary>Creates the layout for a cache folder (data/cache).</summary>
    public CorpusSources(string cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        Cache = cache;
    }

    /// <summary>The cache folder.</summary>
    public string Cache { get; }

    /// <summary>Moby thesaurus words.txt.</summary>
    public string Moby => Path.Combine(Cache, "moby", "package", "words.txt");

    /// <summary>WordNet dictionary folder.</summary>
    public string WordNet => Path.Combine(Cache, "wordnet", "usr", "share", "wordnet");

    /// <summary>The reference language model.</summary>
    public string LanguageModel => Path.Combine(Cache, "pocketsphinx", "usr", "share", "pocketsphinx", "model", "en-us", "en-us.lm.bin");

    /// <summary>State of the Union speeches.</summary>
    public string Sotu => Path.Combine(Cache, "sotu", "package", "data");

    /// <summary>Tagged Brown corpus.</summary>
    public string Brown => Path.Combine(Cache, "brown", "package");

    /// <summary>Debian Reference plain text.</summary>
    public string DebianReference => Path.Combine(Cache, "debian-reference", DebianReferenceReader.RelativePath);

    /// <summary>Python documentation sources.</summary>
    public string PythonDocs => Path.Combine(Cache, "python-doc", PythonDocsReader.RelativePath);

    /// <summary>Jane Austen's novels.</summary>
    public string Austen => Path.Combine(Cache, "janeaustenr", AustenReader.RelativePath);

    /// <summary>
    /// Reads every clean source. State of the Union and Brown are always required. A missing hard-negative source
    /// fails the read too (the corpus would silently differ from the documented one) unless
    /// <paramref name="allowPartial"/>, when it is reported through <paramref name="warn"/> and skipped.
    /// </summary>
    /// <exception cref="FileNotFoundException">A source is missing (and <paramref name="allowPartial"/> is false for a hard-negative one).</exception>
    public List<SourceDocument> ReadDocuments(bool allowPartial = false, Action<string>? warn = null)
    {
        var documents = new List<SourceDocument>();
        documents.AddRange(SotuReader.ReadDirectory(Sotu));
        documents.AddRange(BrownReader.ReadDirectory(Brown));
        Optional(documents, DebianReference, () => DebianReferenceReader.Read(DebianReference), allowPartial, warn);
        Optional(documents, PythonDocs, () => PythonDocsReader.ReadDirectory(PythonDocs), allowPartial, warn);
        Optional(documents, Austen, () => AustenReader.Read(Austen), allowPartial, warn);
        return documents;
    }

    /// <summary>Loads the morphology from WordNet (once; later calls return the same instance).</summary>
    public Morphology ReadMorphology() => _morphology ??= WordNetMorphologyReader.Read(WordNet);

    /// <summary>
    /// A spinner over <paramref name="dictionary"/> with the WordNet morphology; <paramref name="lowercaseEvidence"/>
    /// (counts of lowercase words) tells sentence-initial common words from names.
    /// </summary>
    public Spinner CreateSpinner(ISynonymDictionary dictionary, IWordFrequencies? frequencies, IWordFrequencies? lowercaseEvidence) =>
        new(dictionary, ReadMorphology(), frequencies, lowercaseEvidence);

    /// <summary>
    /// Counts of lowercase words in <paramref name="texts"/> plus the Brown corpus when it is in the cache, the
    /// evidence that a capitalised sentence-initial word is an ordinary word and not a name.
    /// </summary>
    public WordFrequencyList ReadLowercaseEvidence(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = Directory.Exists(Brown) && File.Exists(Path.Combine(Brown, "cats.txt"))
            ? texts.Concat(BrownReader.ReadDirectory(Brown).Select(d => d.Text))
            : texts;
        return WordFrequencyList.FromTexts(all);
    }

    /// <summary>The Moby reverse lookup with the WordNet morphology, for reports.</summary>
    public ReverseLookup CreateReverseLookup(MobyThesaurus thesaurus) => new(thesaurus, ReadMorphology());

    /// <summary>Loads the Moby thesaurus.</summary>
    public MobyThesaurus ReadMoby() => MobyThesaurus.Load(Moby);

    /// <summary>Loads the WordNet evaluation dictionary.</summary>
    public WordNetSynonyms ReadWordNetSynonyms() => WordNetSynonyms.Load(WordNet);

    /// <summary>
    /// Word frequencies: the language model's unigrams when the model is there, else counts of lowercase words
    /// in <paramref name="fallbackTexts"/>.
    /// </summary>
    public IWordFrequencies ReadFrequencies(IEnumerable<string> fallbackTexts) =>
        File.Exists(LanguageModel)
            ? WordFrequencyList.FromLanguageModel(SphinxTrieLanguageModel.Load(LanguageModel))
            : WordFrequencyList.FromTexts(fallbackTexts);

    /// <summary>
    /// As <see cref="ReadFrequencies(IEnumerable{string})"/>, but a missing language model fails unless <paramref name="allowPartial"/>
    /// (then it is reported through <paramref name="warn"/>): the common-word cuts of the spinner depend on it.
    /// </summary>
    /// <exception cref="FileNotFoundException">The language model is missing and <paramref name="allowPartial"/> is false.</exception>
    public IWordFrequencies ReadFrequencies(IEnumerable<string> fallbackTexts, bool allowPartial, Action<string>? warn)
    {
        if (!File.Exists(LanguageModel))
        {
            Missing(LanguageModel, "the language model (word frequencies)", allowPartial, warn);
        }

        return ReadFrequencies(fallbackTexts);
    }

    private static void Optional(
        List<SourceDocument> documents, string path, Func<IEnumerable<SourceDocument>> read, bool allowPartial, Action<string>? warn)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Missing(path, "a hard-negative source", allowPartial, warn);
            return;
        }

        documents.AddRange(read());
    }

    private static void Missing(string path, string what, bool allowPartial, Action<string>? warn)
    {
        if (!allowPartial)
        {
            throw new FileNotFoundException(
                $"{what} '{path}' is missing: run data/fetch.sh, or pass --allow-partial to build a corpus without it "
                + "(it will differ from the documented one).",
                path);
        }

        warn?.Invoke($"warning: building without {what}: '{path}' is missing (run data/fetch.sh)");
    }
}
