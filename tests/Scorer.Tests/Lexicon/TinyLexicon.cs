using SpinDetect.Lexicon;

namespace SpinDetect.Tests.Lexicon;

/// <summary>
/// A hand-packed five-word lexicon with known values, for format tests that must not depend on the builder.
/// Words: 0 "&lt;s&gt;", 1 "bag", 2 "of", 3 "purse", 4 "the". Bigrams: "of the" (−0.5, backoff −0.25),
/// "the bag" (−1.5, backoff −0.75), "the purse" (−2.5); trigram "of the bag" (−1.0).
/// </summary>
internal static class TinyLexicon
{
    internal static readonly string[] Words = ["<s>", "bag", "of", "purse", "the"];

    internal static LexiconData Create()
    {
        var quant = new float[NgramLayout.QuantTablesLength];
        quant[0] = -0.5f;
        quant[1] = -1.5f;
        quant[2] = -2.5f;
        quant[NgramLayout.BigramBackoffTable] = -0.25f;
        quant[NgramLayout.BigramBackoffTable + 1] = -0.75f;
        quant[NgramLayout.BigramBackoffTable + 2] = 0f;
        quant[NgramLayout.TrigramProbTable] = -1.0f;
        var offsets = new int[Words.Length + 1];
        for (var i = 0; i < Words.Length; i++)
        {
            offsets[i + 1] = offsets[i] + Words[i].Length;
        }

        return new LexiconData
        {
            VocabularyChars = string.Concat(Words).ToCharArray(),
            VocabularyOffsets = offsets,
            UnigramProb = [-99f, -4f, -2f, -5f, -1.5f],
            UnigramBackoff = [-0.5f, -0.1f, -0.2f, -0.3f, -0.4f],
            // w1 = of (2): one bigram; w1 = the (4): two bigrams.
            BigramOffsets = [0, 0, 0, 1, 1, 3],
            Bigrams =
            [
                NgramLayout.PackBigram(4, 0, 0, 0),  // of the → trigram run [0, 1)
                NgramLayout.PackBigram(1, 1, 1, 1),  // the bag
                NgramLayout.PackBigram(3, 2, 2, 1),  // the purse
                NgramLayout.BigramSentinel(1),
            ],
            Trigrams = [NgramLayout.PackTrigram(1, 0)], // of the bag
            QuantTables = quant,
            // "purse" could have replaced "bag" and vice versa.
            ReverseOffsets = [0, 0, 1, 1, 2, 2],
            ReverseIds = [3, 1],
            LemmaPartsOfSpeech = [0, 1, 0, 1, 0],
            FormPartsOfSpeech = [0, 1, 0, 1, 0],
            AnalysisOffsets = [0, 0, 1, 1, 2, 2],
            Analyses =
            [
                NgramLayout.PackAnalysis(1, PartsOfSpeech.Noun, Inflection.None),
                NgramLayout.PackAnalysis(3, PartsOfSpeech.Noun, Inflection.None),
            ],
            FormOffsets = [0, 0, 0, 0, 0, 0],
            Forms = [],
            MorphologyBlob = MorphologySerializer.Serialize(new Morphology(
                [new("bag", PartsOfSpeech.Noun), new("purse", PartsOfSpeech.Noun)],
                [new IrregularForm("feet", "foot", PartsOfSpeech.Noun, Inflection.Plural)])),
        };
    }

    internal static byte[] Bytes()
    {
        using var stream = new MemoryStream();
        LexiconFile.Write(Create(), stream);
        return stream.ToArray();
    }

    internal static ReferenceLexicon Load(byte[] bytes, string name = "tiny.bin") =>
        new(LexiconFile.Read(new MemoryStream(bytes), name), name);
}
