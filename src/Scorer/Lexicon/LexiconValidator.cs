namespace SpinDetect.Lexicon;

/// <summary>
/// Structural checks run once at load: array lengths agree, offset tables are monotonic and in range, every
/// stored word id is a vocabulary id. After this, lookups index arrays without further checks.
/// </summary>
internal static class LexiconValidator
{
    /// <exception cref="LexiconFormatException">The data is inconsistent (message names the source and the table).</exception>
    internal static void Validate(LexiconData data, string sourceName)
    {
        var n = data.UnigramProb.Length;
        Require(n is > 0 and <= NgramLayout.MaxId, sourceName, $"has an implausible vocabulary size {n}");
        Require(data.UnigramBackoff.Length == n, sourceName, "has unigram tables of different lengths");
        Require(data.LemmaPartsOfSpeech.Length == n && data.FormPartsOfSpeech.Length == n, sourceName, "has part-of-speech tables of the wrong length");
        Require(data.QuantTables.Length == NgramLayout.QuantTablesLength, sourceName, "has quantisation tables of the wrong length");
        CheckOffsets(data.VocabularyOffsets, n, data.VocabularyChars.Length, "vocabulary", sourceName);
        CheckOffsets(data.BigramOffsets, n, data.Bigrams.Length - 1, "bigram", sourceName);
        CheckOffsets(data.ReverseOffsets, n, data.ReverseIds.Length, "reverse-synonym", sourceName);
        CheckOffsets(data.AnalysisOffsets, n, data.Analyses.Length, "analysis", sourceName);
        CheckOffsets(data.FormOffsets, n, data.Forms.Length, "inflected-form", sourceName);

        var bigrams = data.Bigrams;
        var previousStart = 0;
        var trigramCount = data.Trigrams.Length;
        for (var i = 0; i < bigrams.Length; i++)
        {
            // Conditions inline: a message is only formatted for the entry that fails.
            var start = NgramLayout.TrigramStart(bigrams[i]);
            if (start < previousStart || start > trigramCount)
            {
                throw LexiconFile.Error(sourceName, $"has a bigram entry {i} whose trigram run is out of order");
            }

            if (i < bigrams.Length - 1 && NgramLayout.BigramWord(bigrams[i]) >= n)
            {
                throw LexiconFile.Error(sourceName, $"has a bigram entry {i} with an unknown word id");
            }

            previousStart = start;
        }

        Require(NgramLayout.TrigramStart(bigrams[^1]) == data.Trigrams.Length, sourceName, "has a bigram sentinel that does not close the trigram array");
        foreach (var trigram in data.Trigrams)
        {
            if (NgramLayout.TrigramWord(trigram) >= n)
            {
                throw LexiconFile.Error(sourceName, "has a trigram entry with an unknown word id");
            }
        }

        CheckIds(data.ReverseIds, n, "reverse-synonym", sourceName);
        CheckPacked(data.Analyses, n, "analysis", sourceName);
        CheckPacked(data.Forms, n, "inflected-form", sourceName);
    }

    private static void CheckOffsets(int[] offsets, int n, int total, string table, string sourceName)
    {
        Require(offsets.Length == n + 1 && offsets[0] == 0 && offsets[n] == total, sourceName, $"has a {table} offset table that does not match its data");
        for (var i = 1; i <= n; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw LexiconFile.Error(sourceName, $"has a {table} offset table that decreases at word {i}");
            }
        }
    }

    private static void CheckIds(int[] ids, int n, string table, string sourceName)
    {
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)n)
            {
                throw LexiconFile.Error(sourceName, $"has a {table} entry with unknown word id {id}");
            }
        }
    }

    private static void CheckPacked(uint[] entries, int n, string table, string sourceName)
    {
        foreach (var entry in entries)
        {
            var analysis = NgramLayout.UnpackAnalysis(entry);
            if (analysis.WordId >= n || analysis.Inflection > Inflection.Superlative)
            {
                throw LexiconFile.Error(sourceName, $"has a malformed {table} entry");
            }
        }
    }

    private static void Require(bool condition, string sourceName, string problem)
    {
        if (!condition)
        {
            throw LexiconFile.Error(sourceName, problem);
        }
    }
}
