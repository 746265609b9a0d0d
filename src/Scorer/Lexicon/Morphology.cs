namespace SpinDetect.Lexicon;

/// <summary>
/// English inflectional morphology both ways: the lemma readings of an inflected form ("employees" →
/// employee/noun/plural) and the inflected form of a lemma ("employee" + plural → "employees"). Knows which
/// lemmas can be nouns, verbs, adjectives and adverbs, and the irregular forms, from WordNet's index and
/// exception files; everything else follows <see cref="EnglishInflectionRules"/>. Immutable and thread-safe.
/// </summary>
internal sealed class Morphology
{
    private readonly Dictionary<string, PartsOfSpeech> _lemmas;
    private readonly Dictionary<string, PartsOfSpeech>.AlternateLookup<ReadOnlySpan<char>> _lemmaLookup;
    private readonly Dictionary<string, IrregularForm[]> _irregularByForm;
    private readonly Dictionary<(string Lemma, Inflection Inflection), string> _irregularByLemma;
    private readonly IrregularForm[] _irregulars;
    private readonly Func<string, PartsOfSpeech> _lemmaPartsOfSpeech;

    /// <summary>Creates the morphology from lemma word classes and irregular forms (all lowercase).</summary>
    /// <param name="lemmas">Each lemma with the parts of speech it can take; repeated lemmas are merged.</param>
    /// <param name="irregulars">Irregular forms; for a lemma with several forms of one inflection the first is generated.</param>
    internal Morphology(IEnumerable<KeyValuePair<string, PartsOfSpeech>> lemmas, IEnumerable<IrregularForm> irregulars)
    {
        ArgumentNullException.ThrowIfNull(lemmas);
        ArgumentNullException.ThrowIfNull(irregulars);
        _lemmas = new Dictionary<string, PartsOfSpeech>(StringComparer.Ordinal);
        foreach (var (lemma, pos) in lemmas)
        {
            _lemmas[lemma] = _lemmas.GetValueOrDefault(lemma) | pos;
        }

        _lemmaLookup = _lemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        _irregulars = [.. irregulars];
        var byForm = new Dictionary<string, List<IrregularForm>>(StringComparer.Ordinal);
        _irregularByLemma = [];
        foreach (var irregular in _irregulars)
        {
            if (!byForm.TryGetValue(irregular.Form, out var list))
            {
                byForm[irregular.Form] = list = [];
            }

            if (!list.Contains(irregular))
            {
                list.Add(irregular);
            }

            _irregularByLemma.TryAdd((irregular.Lemma, irregular.Inflection), irregular.Form);
        }

        _irregularByForm = new Dictionary<string, IrregularForm[]>(byForm.Count, StringComparer.Ordinal);
        foreach (var (form, list) in byForm)
        {
            _irregularByForm[form] = [.. list];
        }

        _lemmaPartsOfSpeech = lemma => _lemmas.GetValueOrDefault(lemma);
    }

    /// <summary>Number of distinct lemmas with a known part of speech.</summary>
    internal int LemmaCount => _lemmas.Count;

    /// <summary>The lemmas and their parts of speech (for serialisation), in no particular order.</summary>
    internal IReadOnlyDictionary<string, PartsOfSpeech> Lemmas => _lemmas;

    /// <summary>The irregular forms in the order given to the constructor.</summary>
    internal IReadOnlyList<IrregularForm> Irregulars => _irregulars;

    /// <summary>The parts of speech <paramref name="lemma"/> can take as a lemma (None when unknown). Allocation-free.</summary>
    internal PartsOfSpeech LemmaPartsOfSpeech(ReadOnlySpan<char> lemma) =>
        _lemmaLookup.TryGetValue(lemma, out var pos) ? pos : PartsOfSpeech.None;

    /// <summary>The parts of speech of every reading of <paramref name="form"/>, as a lemma or as an inflected form.</summary>
    internal PartsOfSpeech PartsOfSpeechOf(string form)
    {
        var pos = PartsOfSpeech.None;
        foreach (var analysis in Analyze(form))
        {
            pos |= analysis.PartOfSpeech;
        }

        return pos;
    }

    /// <summary>All readings of <paramref name="form"/>: as a lemma, as an irregular form, as a regular inflection.</summary>
    internal IReadOnlyList<WordAnalysis> Analyze(string form)
    {
        var results = new List<WordAnalysis>();
        Analyze(form, results);
        return results;
    }

    /// <summary>Appends the readings of <paramref name="form"/> to <paramref name="results"/> (lemma readings first).</summary>
    internal void Analyze(string form, List<WordAnalysis> results)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(results);
        var start = results.Count;
        form = form.ToLowerInvariant();
        var own = LemmaPartsOfSpeech(form);
        for (var bit = PartsOfSpeech.Noun; bit <= PartsOfSpeech.Adverb; bit = (PartsOfSpeech)((int)bit << 1))
        {
            if ((own & bit) != 0)
            {
                results.Add(new WordAnalysis(form, bit, Inflection.None));
            }
        }

        if (_irregularByForm.TryGetValue(form, out var irregulars))
        {
            foreach (var irregular in irregulars)
            {
                var analysis = new WordAnalysis(irregular.Lemma, irregular.PartOfSpeech, irregular.Inflection);
                if (results.IndexOf(analysis, start) < 0)
                {
                    results.Add(analysis);
                }
            }
        }

        // Rules run even after an irregular hit: "leaves" is both leaf/plural and leave/3rd person.
        var regular = new List<WordAnalysis>();
        EnglishInflectionRules.Detach(form, _lemmaPartsOfSpeech, regular);
        foreach (var analysis in regular)
        {
            if (results.IndexOf(analysis, start) < 0)
            {
                results.Add(analysis);
            }
        }
    }

    /// <summary>
    /// The form of <paramref name="lemma"/> for <paramref name="inflection"/>: the irregular form when there is
    /// one, else the regular rules. Multi-word lemmas inflect their head: the first word for verb inflections
    /// ("give up" → "gave up"), the last word otherwise ("hire purchase" → "hire purchases"). Null when English
    /// has no such form by rule (comparative of a long adjective).
    /// </summary>
    internal string? Inflect(string lemma, Inflection inflection)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        if (inflection == Inflection.None)
        {
            return lemma;
        }

        var space = inflection.RequiredPartOfSpeech() == PartsOfSpeech.Verb ? lemma.IndexOf(' ') : lemma.LastIndexOf(' ');
        if (space >= 0)
        {
            if (inflection.RequiredPartOfSpeech() == PartsOfSpeech.Verb)
            {
                var head = InflectWord(lemma[..space], inflection);
                return head is null ? null : head + lemma[space..];
            }

            var last = InflectWord(lemma[(space + 1)..], inflection);
            return last is null ? null : lemma[..(space + 1)] + last;
        }

        return InflectWord(lemma, inflection);
    }

    private string? InflectWord(string lemma, Inflection inflection)
    {
        if (_irregularByLemma.TryGetValue((lemma, inflection), out var form))
        {
            return form;
        }

        // Most irregular verbs have one form for both past and participle ("taught"); WordNet lists it once.
        if (inflection == Inflection.PastParticiple && _irregularByLemma.TryGetValue((lemma, Inflection.Past), out form))
        {
            return form;
        }

        return EnglishInflectionRules.Attach(lemma, inflection);
    }
}
