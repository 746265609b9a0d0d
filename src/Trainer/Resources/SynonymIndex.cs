using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// The inflection-aware synonym indexes over the vocabulary. Reverse: for an observed word, the words a
/// Moby-based spinner could have replaced with it ("hires" → lemma "hire" → headwords listing "hire", such as
/// "employee" and "employ" → re-inflected like the observed word: "employees", "employs"). Only single
/// vocabulary words are indexed; the forward direction is the inverse, derived at run time.
/// </summary>
internal sealed class SynonymIndex
{
    internal required int[] ReverseOffsets { get; init; }

    internal required int[] ReverseIds { get; init; }

    internal static SynonymIndex Build(string[] words, float[] unigramProb, Dictionary<string, int> ids, MobyThesaurus moby, Morphology morphology)
    {
        var n = words.Length;
        var reverse = new List<int>[n];
        var formCache = new Dictionary<(string Headword, Inflection Inflection), int>();
        var readings = new List<WordAnalysis>();
        var set = new HashSet<int>();
        // Most frequent candidates first: the likeliest originals, and a deterministic order.
        Comparison<int> byFrequency = (a, b) => unigramProb[a] != unigramProb[b] ? unigramProb[b].CompareTo(unigramProb[a]) : a.CompareTo(b);
        for (var w = 0; w < n; w++)
        {
            set.Clear();
            readings.Clear();
            morphology.Analyze(words[w], readings);
            readings.Add(new WordAnalysis(words[w], PartsOfSpeech.None, Inflection.None));
            foreach (var reading in readings)
            {
                var required = reading.Inflection.RequiredPartOfSpeech();
                foreach (var headword in moby.HeadwordsListing(reading.Lemma))
                {
                    if (reading.Inflection != Inflection.None)
                    {
                        var pos = morphology.LemmaPartsOfSpeech(headword);
                        if (pos != PartsOfSpeech.None && (pos & required) == 0)
                        {
                            continue;
                        }
                    }

                    var id = FormId(headword, reading.Inflection, ids, morphology, formCache);
                    if (id >= 0 && id != w)
                    {
                        set.Add(id);
                    }
                }
            }

            var list = new List<int>(set);
            list.Sort(byFrequency);
            reverse[w] = list;
        }

        var (reverseOffsets, reverseIds) = Flatten(reverse);
        return new SynonymIndex { ReverseOffsets = reverseOffsets, ReverseIds = reverseIds };
    }

    /// <summary>
    /// Replays spinner substitutions on a deterministic sample of Moby links: headword h replaced by synonym s,
    /// both in inflection I; counts those whose forms are vocabulary words, and of them those where the reverse
    /// index of the substitute contains the original.
    /// </summary>
    internal static (int Sample, int Hits) MeasureCoverage(
        string[] words, Dictionary<string, int> ids, MobyThesaurus moby, Morphology morphology, SynonymIndex index, int stride = 37)
    {
        var sample = 0;
        var hits = 0;
        var link = 0;
        var cache = new Dictionary<(string Headword, Inflection Inflection), int>();
        foreach (var headword in moby.Headwords)
        {
            foreach (var synonym in moby.Synonyms(headword))
            {
                if (link++ % stride != 0)
                {
                    continue;
                }

                var headPos = morphology.LemmaPartsOfSpeech(headword);
                for (var inflection = Inflection.None; inflection <= Inflection.Superlative; inflection++)
                {
                    if (inflection != Inflection.None && (headPos & inflection.RequiredPartOfSpeech()) == 0)
                    {
                        continue;
                    }

                    var original = FormId(headword, inflection, ids, morphology, cache);
                    var substitute = FormId(synonym, inflection, ids, morphology, cache);
                    if (original < 0 || substitute < 0 || original == substitute)
                    {
                        continue;
                    }

                    sample++;
                    var reverse = index.ReverseIds.AsSpan(index.ReverseOffsets[substitute], index.ReverseOffsets[substitute + 1] - index.ReverseOffsets[substitute]);
                    hits += reverse.Contains(original) ? 1 : 0;
                }
            }
        }

        return (sample, hits);
    }

    private static int FormId(string lemma, Inflection inflection, Dictionary<string, int> ids, Morphology morphology,
        Dictionary<(string, Inflection), int> cache)
    {
        if (cache.TryGetValue((lemma, inflection), out var id))
        {
            return id;
        }

        var form = morphology.Inflect(lemma, inflection);
        id = form is not null && ids.TryGetValue(form.ToLowerInvariant(), out var found) ? found : -1;
        cache[(lemma, inflection)] = id;
        return id;
    }

    private static (int[] Offsets, int[] Ids) Flatten(List<int>[] lists)
    {
        var offsets = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            offsets[i + 1] = offsets[i] + lists[i].Count;
        }

        var flat = new int[offsets[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i].CopyTo(flat, offsets[i]);
        }

        return (offsets, flat);
    }
}
