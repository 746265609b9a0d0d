using System.Text;

namespace SpinDetect.Lexicon;

/// <summary>Stores a <see cref="Morphology"/> as bytes inside the lexicon file (lemmas sorted, so output is deterministic).</summary>
internal static class MorphologySerializer
{
    internal static byte[] Serialize(Morphology morphology)
    {
        ArgumentNullException.ThrowIfNull(morphology);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var lemmas = new List<string>(morphology.Lemmas.Keys);
            lemmas.Sort(StringComparer.Ordinal);
            writer.Write(lemmas.Count);
            foreach (var lemma in lemmas)
            {
                writer.Write(lemma);
                writer.Write((byte)morphology.Lemmas[lemma]);
            }

            writer.Write(morphology.Irregulars.Count);
            foreach (var irregular in morphology.Irregulars)
            {
                writer.Write(irregular.Form);
                writer.Write(irregular.Lemma);
                writer.Write((byte)irregular.PartOfSpeech);
                writer.Write((byte)irregular.Inflection);
            }
        }

        return stream.ToArray();
    }

    /// <exception cref="LexiconFormatException">The bytes are not a serialised morphology.</exception>
    internal static Morphology Deserialize(byte[] blob, string sourceName)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(blob, writable: false), Encoding.UTF8);
            var lemmaCount = CheckedCount(reader.ReadInt32(), blob.Length);
            var lemmas = new KeyValuePair<string, PartsOfSpeech>[lemmaCount];
            for (var i = 0; i < lemmaCount; i++)
            {
                var lemma = reader.ReadString();
                lemmas[i] = new(lemma, (PartsOfSpeech)reader.ReadByte());
            }

            var irregularCount = CheckedCount(reader.ReadInt32(), blob.Length);
            var irregulars = new IrregularForm[irregularCount];
            for (var i = 0; i < irregularCount; i++)
            {
                var form = reader.ReadString();
                var lemma = reader.ReadString();
                var pos = (PartsOfSpeech)reader.ReadByte();
                var inflection = (Inflection)reader.ReadByte();
                irregulars[i] = new IrregularForm(form, lemma, pos, inflection);
            }

            return new Morphology(lemmas, irregulars);
        }
        catch (Exception error) when (error is EndOfStreamException or FormatException or InvalidDataException)
        {
            throw new LexiconFormatException($"Lexicon '{sourceName}': the morphology section is malformed ({error.Message}).", error);
        }
    }

    private static int CheckedCount(int count, int blobLength) =>
        count >= 0 && count <= blobLength ? count : throw new InvalidDataException($"implausible count {count}");
}
