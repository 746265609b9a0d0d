using SpinDetect.Lexicon;
using SpinDetect.Training.Resources;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Whether the original of a substitution can be recovered from the replacement through Moby's reverse
/// index with morphology: "hires" → lemma "hire" → headwords listing it ("employ", "employee") → re-inflected
/// ("employs", "employees"). Measures the reach of the detector's candidate-original features (issue 10).
/// </summary>
internal sealed class ReverseLookup
{
    private readonly MobyThesaurus _thesaurus;
    private readonly Morphology _morphology;

    /// <summary>Creates the lookup over a thesaurus and morphology.</summary>
    public ReverseLookup(MobyThesaurus thesaurus, Morphology morphology)
    {
        ArgumentNullException.ThrowIfNull(thesaurus);
        ArgumentNullException.ThrowIfNull(morphology);
        _thesaurus = thesaurus;
        _morphology = morphology;
    }

    /// <summary>How the original was found, if it was.</summary>
    public enum Outcome
    {
        /// <summary>Not among the candidate originals.</summary>
        Missed,

        /// <summary>The replacement as written is listed under the original.</summary>
        Direct,

        /// <summary>Found only through lemmatising the replacement and re-inflecting the headwords.</summary>
        ThroughMorphology,
    }

    /// <summary>Looks <paramref name="original"/> up among the candidate originals of <paramref name="replacement"/>.</summary>
    public Outcome Find(string original, string replacement)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(replacement);
        var o = original.ToLowerInvariant();
        var r = replacement.ToLowerInvariant();
        foreach (var headword in _thesaurus.HeadwordsListing(r))
        {
            if (string.Equals(headword, o, StringComparison.OrdinalIgnoreCase))
            {
                return Outcome.Direct;
            }
        }

        foreach (var analysis in _morphology.Analyze(r))
        {
            if (analysis.Inflection == Inflection.None)
            {
                continue;
            }

            foreach (var headword in _thesaurus.HeadwordsListing(analysis.Lemma))
            {
                var inflected = _morphology.Inflect(headword.ToLowerInvariant(), analysis.Inflection);
                if (inflected is not null && string.Equals(inflected, o, StringComparison.Ordinal))
                {
                    return Outcome.ThroughMorphology;
                }
            }
        }

        return Outcome.Missed;
    }
}
