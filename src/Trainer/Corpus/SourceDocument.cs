namespace SpinDetect.Training.Corpus;

/// <summary>
/// One clean original as read from a corpus: plain text with paragraphs separated by blank lines.
/// </summary>
/// <param name="Id">Stable identifier, unique across all sources ("sotu/1995_william_j_clinton_d").</param>
/// <param name="Source">Corpus it came from ("sotu", "brown", "debian-reference", "python-doc", "austen").</param>
/// <param name="Register">Kind of prose ("speech", "news", "fiction", "technical", "literary", …).</param>
/// <param name="Group">
/// The unit that decides the split: every piece cut from documents of one group lands in the same split
/// (a speech, a Brown file, a manual chapter, a novel's chapter).
/// </param>
/// <param name="Text">The text; paragraphs separated by "\n\n".</param>
/// <param name="Weight">How many chunkings of this document the corpus builder makes (modern text is weighted up).</param>
internal sealed record SourceDocument(string Id, string Source, string Register, string Group, string Text, int Weight = 1);
