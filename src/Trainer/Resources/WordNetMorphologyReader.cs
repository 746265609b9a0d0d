using SpinDetect.Lexicon;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Builds <see cref="Morphology"/> from a WordNet 3.0 dictionary directory: parts of speech from
/// <c>index.noun/verb/adj/adv</c>, irregular forms from <c>noun/verb/adj/adv.exc</c>. Only those files are
/// read; WordNet's synonym sets are reserved for the evaluation spinner.
/// </summary>
internal static class WordNetMorphologyReader
{
    private static readonly (string Name, PartsOfSpeech PartOfSpeech)[] Files =
    [
        ("noun", PartsOfSpeech.Noun),
        ("verb", PartsOfSpeech.Verb),
        ("adj", PartsOfSpeech.Adjective),
        ("adv", PartsOfSpeech.Adverb),
    ];

    /// <summary>Reads the eight files from <paramref name="directory"/> (e.g. data/cache/wordnet/usr/share/wordnet).</summary>
    /// <exception cref="FileNotFoundException">A required file is missing (the message names it).</exception>
    internal static Morphology Read(string directory)
    {
        var lemmas = new List<KeyValuePair<string, PartsOfSpeech>>();
        var irregulars = new List<IrregularForm>();
        foreach (var (name, pos) in Files)
        {
            var index = Path.Combine(directory, "index." + name);
            var exceptions = Path.Combine(directory, name + ".exc");
            using (var reader = OpenText(index))
            {
                ReadIndex(reader, pos, lemmas);
            }

            using (var reader = OpenText(exceptions))
            {
                ReadExceptions(reader, exceptions, pos, irregulars);
            }
        }

        return new Morphology(lemmas, irregulars);
    }

    private static StreamReader OpenText(string path) =>
        File.Exists(path)
            ? new StreamReader(path)
            : throw new FileNotFoundException($"WordNet file '{path}' is missing; run data/fetch.sh to obtain wordnet-base.", path);

    /// <summary>Adds the lemmas of one <c>index.*</c> file; licence lines (they start with a space) are skipped.</summary>
    internal static void ReadIndex(TextReader reader, PartsOfSpeech partOfSpeech, List<KeyValuePair<string, PartsOfSpeech>> lemmas)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            var end = line.IndexOf(' ');
            var lemma = end < 0 ? line : line[..end];
            lemmas.Add(new(lemma.Replace('_', ' '), partOfSpeech));
        }
    }

    /// <summary>
    /// Adds the irregular forms of one <c>*.exc</c> file ("form lemma [lemma…]" per line). WordNet does not say
    /// which inflection a form is, so it is inferred: nouns are plurals; adjective and adverb forms in -st are
    /// superlatives, others comparatives; verb forms are classified by <see cref="ClassifyVerbForms"/>.
    /// </summary>
    internal static void ReadExceptions(TextReader reader, string sourceName, PartsOfSpeech partOfSpeech, List<IrregularForm> irregulars)
    {
        var verbForms = new List<(string Form, string Lemma)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw new InvalidDataException(
                    $"{sourceName}, line {lineNumber}: expected 'form lemma [lemma...]', found '{line}'.");
            }

            var form = fields[0].Replace('_', ' ');
            for (var i = 1; i < fields.Length; i++)
            {
                var lemma = fields[i].Replace('_', ' ');
                if (lemma == form)
                {
                    continue;
                }

                switch (partOfSpeech)
                {
                    case PartsOfSpeech.Noun:
                        irregulars.Add(new IrregularForm(form, lemma, partOfSpeech, Inflection.Plural));
                        break;
                    case PartsOfSpeech.Verb:
                        verbForms.Add((form, lemma));
                        break;
                    default:
                        var inflection = form.EndsWith("st", StringComparison.Ordinal) ? Inflection.Superlative : Inflection.Comparative;
                        irregulars.Add(new IrregularForm(form, lemma, partOfSpeech, inflection));
                        break;
                }
            }
        }

        if (verbForms.Count > 0)
        {
            ClassifyVerbForms(verbForms, irregulars);
        }
    }

    /// <summary>
    /// Assigns inflections to irregular verb forms: -ing forms are present participles, -s forms third person
    /// ("was" excepted), "am"/"are" are plain present forms of "be". Of the remaining forms of one lemma, a single
    /// form is the past (and serves as participle: "taught"); with several, the participle is the one that
    /// differs from another by a → u ("began"/"begun") or else ends in -n/-ne ("wrote"/"written", "went"/"gone").
    /// </summary>
    internal static void ClassifyVerbForms(List<(string Form, string Lemma)> verbForms, List<IrregularForm> irregulars)
    {
        var pastForms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lemmaOrder = new List<string>();
        foreach (var (form, lemma) in verbForms)
        {
            if (form.EndsWith("ing", StringComparison.Ordinal))
            {
                irregulars.Add(new IrregularForm(form, lemma, PartsOfSpeech.Verb, Inflection.PresentParticiple));
            }
            else if (form is "am" or "are")
            {
                irregulars.Add(new IrregularForm(form, lemma, PartsOfSpeech.Verb, Inflection.None));
            }
            else if (form.EndsWith('s') && form != "was")
            {
                irregulars.Add(new IrregularForm(form, lemma, PartsOfSpeech.Verb, Inflection.ThirdPersonSingular));
            }
            else
            {
                if (!pastForms.TryGetValue(lemma, out var list))
                {
                    pastForms[lemma] = list = [];
                    lemmaOrder.Add(lemma);
                }

                list.Add(form);
            }
        }

        foreach (var lemma in lemmaOrder)
        {
            var forms = pastForms[lemma];
            foreach (var form in forms)
            {
                var participle = forms.Count > 1 && IsParticipleAmong(form, forms);
                irregulars.Add(new IrregularForm(form, lemma, PartsOfSpeech.Verb, participle ? Inflection.PastParticiple : Inflection.Past));
            }
        }
    }

    private static bool IsParticipleAmong(string form, List<string> forms)
    {
        foreach (var other in forms)
        {
            if (other != form && other.Length == form.Length && DiffersByAToU(other, form))
            {
                return true;
            }
        }

        foreach (var other in forms)
        {
            if (other != form && other.Length == form.Length && DiffersByAToU(form, other))
            {
                return false;
            }
        }

        return form.EndsWith('n') || form.EndsWith("ne", StringComparison.Ordinal);
    }

    private static bool DiffersByAToU(string past, string participle)
    {
        var differences = 0;
        for (var i = 0; i < past.Length; i++)
        {
            if (past[i] == participle[i])
            {
                continue;
            }

            if (past[i] != 'a' || participle[i] != 'u')
            {
                return false;
            }

            differences++;
        }

        return differences == 1;
    }
}
