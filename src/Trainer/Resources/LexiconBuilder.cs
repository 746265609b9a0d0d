using System.Diagnostics;
using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Turns the registry resources (pocketsphinx trigram model, Moby thesaurus, WordNet morphology) into the
/// compact lexicon asset. Deterministic: the same inputs give byte-identical files.
/// </summary>
internal static class LexiconBuilder
{
    /// <summary>Where each resource sits below the cache directory (see data/fetch.sh).</summary>
    internal const string LanguageModelPath = "pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>Moby thesaurus below the cache directory.</summary>
    internal const string MobyPath = "moby/package/words.txt";

    /// <summary>WordNet dictionary directory below the cache directory.</summary>
    internal const string WordNetPath = "wordnet/usr/share/wordnet";

    /// <summary>Reads the resources from <paramref name="cacheDirectory"/>, builds and writes <paramref name="outputPath"/> atomically.</summary>
    internal static LexiconBuildStatistics BuildFromCache(string cacheDirectory, string outputPath)
    {
        var clock = Stopwatch.StartNew();
        var model = SphinxTrieLanguageModel.Load(Path.Combine(cacheDirectory, LanguageModelPath));
        var moby = MobyThesaurus.Load(Path.Combine(cacheDirectory, MobyPath));
        var morphology = WordNetMorphologyReader.Read(Path.Combine(cacheDirectory, WordNetPath));
        var readTime = clock.Elapsed;
        clock.Restart();
        var (data, statistics) = Build(model, moby, morphology);
        LexiconFile.Write(data, outputPath);
        return statistics with { FileBytes = new FileInfo(outputPath).Length, ReadTime = readTime, BuildTime = clock.Elapsed };
    }

    /// <summary>Builds the lexicon arrays from loaded resources.</summary>
    internal static (LexiconData Data, LexiconBuildStatistics Statistics) Build(
        SphinxTrieLanguageModel model, MobyThesaurus moby, Morphology morphology)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(moby);
        ArgumentNullException.ThrowIfNull(morphology);
        var n = model.Words.Length;
        if (n > NgramLayout.MaxId || model.TrigramCount > NgramLayout.MaxId)
        {
            throw new InvalidDataException($"The language model is too large for the 24-bit lexicon fields ({n} words, {model.TrigramCount} trigrams).");
        }

        var words = new string[n];
        var ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            words[i] = model.Words[i].ToLowerInvariant();
            ids.TryAdd(words[i], i);
        }

        var ngrams = NgramTables.Build(model);
        var synonyms = SynonymIndex.Build(words, model.UnigramProb, ids, moby, morphology);
        var (analysisOffsets, analyses, formOffsets, forms, lemmaPos, formPos) = BuildMorphologyTables(words, ids, morphology);
        var vocabularyOffsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            vocabularyOffsets[i + 1] = vocabularyOffsets[i] + words[i].Length;
        }

        var data = new LexiconData
        {
            VocabularyChars = string.Concat(words).ToCharArray(),
            VocabularyOffsets = vocabularyOffsets,
            UnigramProb = (float[])model.UnigramProb.Clone(),
            UnigramBackoff = (float[])model.UnigramBackoff.Clone(),
            BigramOffsets = ngrams.BigramOffsets,
            Bigrams = ngrams.Bigrams,
            Trigrams = ngrams.Trigrams,
            QuantTables = ngrams.QuantTables,
            ReverseOffsets = synonyms.ReverseOffsets,
            ReverseIds = synonyms.ReverseIds,
            LemmaPartsOfSpeech = lemmaPos,
            FormPartsOfSpeech = formPos,
            AnalysisOffsets = analysisOffsets,
            Analyses = analyses,
            FormOffsets = formOffsets,
            Forms = forms,
            MorphologyBlob = MorphologySerializer.Serialize(morphology),
        };

        var (sample, hits) = SynonymIndex.MeasureCoverage(words, ids, moby, morphology, synonyms);
        var wordsWithReverse = 0;
        for (var i = 0; i < n; i++)
        {
            wordsWithReverse += synonyms.ReverseOffsets[i + 1] > synonyms.ReverseOffsets[i] ? 1 : 0;
        }

        var statistics = new LexiconBuildStatistics
        {
            Words = n,
            Bigrams = ngrams.Bigrams.Length - 1,
            Trigrams = ngrams.Trigrams.Length,
            UnreachableBigrams = ngrams.UnreachableBigrams,
            DroppedTrigrams = ngrams.DroppedTrigrams,
            MaxBigramQuantisationError = ngrams.MaxBigramError,
            MeanBigramQuantisationError = ngrams.MeanBigramError,
            MeanTrigramQuantisationError = ngrams.MeanTrigramError,
            ReverseLinks = synonyms.ReverseIds.Length,
            WordsWithReverseSynonyms = wordsWithReverse,
            Analyses = analyses.Length,
            InflectedForms = forms.Length,
            MorphologyLemmas = morphology.LemmaCount,
            IrregularForms = morphology.Irregulars.Count,
            CoverageSample = sample,
            CoverageHits = hits,
        };
        return (data, statistics);
    }

    private static (int[] AnalysisOffsets, uint[] Analyses, int[] FormOffsets, uint[] Forms, byte[] LemmaPos, byte[] FormPos)
        BuildMorphologyTables(string[] words, Dictionary<string, int> ids, Morphology morphology)
    {
        var n = words.Length;
        var analysisOffsets = new int[n + 1];
        var analyses = new List<uint>();
        var formsByLemma = new List<uint>?[n];
        var lemmaPos = new byte[n];
        var formPos = new byte[n];
        var readings = new List<WordAnalysis>();
        for (var w = 0; w < n; w++)
        {
            lemmaPos[w] = (byte)morphology.LemmaPartsOfSpeech(words[w]);
            readings.Clear();
            morphology.Analyze(words[w], readings);
            var pos = PartsOfSpeech.None;
            foreach (var reading in readings)
            {
                pos |= reading.PartOfSpeech;
                if (!ids.TryGetValue(reading.Lemma, out var lemmaId))
                {
                    continue;
                }

                analyses.Add(NgramLayout.PackAnalysis(lemmaId, reading.PartOfSpeech, reading.Inflection));
                if (reading.Inflection != Inflection.None && lemmaId != w)
                {
                    (formsByLemma[lemmaId] ??= []).Add(NgramLayout.PackAnalysis(w, reading.PartOfSpeech, reading.Inflection));
                }
            }

            formPos[w] = (byte)pos;
            analysisOffsets[w + 1] = analyses.Count;
        }

        var formOffsets = new int[n + 1];
        var forms = new List<uint>();
        for (var lemma = 0; lemma < n; lemma++)
        {
            if (formsByLemma[lemma] is { } list)
            {
                // Regular forms first by inflection, then by id: deterministic, and Inflect finds the first.
                list.Sort((a, b) => (a >> 28) != (b >> 28) ? (a >> 28).CompareTo(b >> 28) : (a & 0xFFFFFF).CompareTo(b & 0xFFFFFF));
                forms.AddRange(list);
            }

            formOffsets[lemma + 1] = forms.Count;
        }

        return (analysisOffsets, [.. analyses], formOffsets, [.. forms], lemmaPos, formPos);
    }
}
