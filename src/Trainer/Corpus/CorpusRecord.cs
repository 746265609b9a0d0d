namespace SpinDetect.Training.Corpus;

/// <summary>
/// One row of the corpus CSV. Columns, in order: id, source, register, document, split, label, spinner, style,
/// choice, subset, spin_rate, words, original_id, text.
/// </summary>
internal sealed class CorpusRecord
{
    /// <summary>Unique id: "&lt;document&gt;#&lt;piece&gt;" for originals, plus "~&lt;spinner variant&gt;" for spun texts.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Corpus the original came from ("sotu", "brown", "debian-reference", "python-doc", "austen").</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Register of the original ("speech", "speech-modern", a Brown genre, "technical", "literary", …).</summary>
    public string Register { get; set; } = string.Empty;

    /// <summary>The source document group; all rows of one group share a split.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>"train", "validation" or "test".</summary>
    public string Split { get; set; } = string.Empty;

    /// <summary>1 for spun, 0 for clean.</summary>
    public int Label { get; set; }

    /// <summary>"none" for clean texts, else the dictionary ("moby"; "wordnet" only in the evaluation file).</summary>
    public string Spinner { get; set; } = "none";

    /// <summary>Spin style ("uniform", "every-nth", "partial", "mixed"); empty for clean texts.</summary>
    public string Style { get; set; } = string.Empty;

    /// <summary>Synonym choice ("uniform" or "common"); empty for clean texts.</summary>
    public string Choice { get; set; } = string.Empty;

    /// <summary>Dictionary used ("full" or "half"); empty for clean texts.</summary>
    public string Subset { get; set; } = string.Empty;

    /// <summary>Realised share of content words replaced (0 for clean texts).</summary>
    public double SpinRate { get; set; }

    /// <summary>Number of white-space separated words in <see cref="Text"/>.</summary>
    public int Words { get; set; }

    /// <summary>For spun texts the id of the clean original; empty for originals.</summary>
    public string OriginalId { get; set; } = string.Empty;

    /// <summary>The text, paragraphs separated by blank lines.</summary>
    public string Text { get; set; } = string.Empty;
}
