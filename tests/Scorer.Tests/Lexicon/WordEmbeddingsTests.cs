using SpinDetect.Lexicon;
using static SpinDetect.Tests.Lexicon.TinyEmbeddings;

namespace SpinDetect.Tests.Lexicon;

public sealed class WordEmbeddingsTests : IDisposable
{
    private static readonly float InverseRoot2 = 1f / MathF.Sqrt(2f);
    private readonly string _directory = Directory.CreateTempSubdirectory("spindetect-embeddings-").FullName;
    private readonly ReferenceLexicon _lexicon = LoadLexicon();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private WordEmbeddings LoadTiny() => WordEmbeddings.Load(Write(_directory, _lexicon), _lexicon);

    [Fact]
    public void Written_vectors_load_back_with_their_missing_bits()
    {
        var embeddings = LoadTiny();
        Assert.Equal(Dimensions, embeddings.Dimensions);
        Assert.Equal(5, embeddings.WordCount);
        Assert.Equal(4, embeddings.PresentCount);
        Assert.False(embeddings.Has(Start));
        Assert.True(embeddings.Has(Bag) && embeddings.Has(Of) && embeddings.Has(Purse) && embeddings.Has(The));
        for (var id = 0; id < 5; id++)
        {
            Assert.Equal(Vectors.AsSpan(id * Dimensions, Dimensions).ToArray(), embeddings.Vector(id).ToArray());
        }

        Assert.Equal(0f, embeddings.InverseNorm(Start));
        Assert.Equal(1f / 127f, embeddings.InverseNorm(Bag), 6);
    }

    [Fact]
    public void Cosines_match_hand_computed_values()
    {
        var embeddings = LoadTiny();
        Assert.Equal(1f, embeddings.Cosine(Purse, Purse), 6);
        Assert.Equal(0f, embeddings.Cosine(Bag, Of), 6);
        Assert.Equal(InverseRoot2, embeddings.Cosine(Bag, Purse), 6);
        Assert.Equal(-InverseRoot2, embeddings.Cosine(Bag, The), 6);
        Assert.Equal(-0.5f, embeddings.Cosine(Purse, The), 6);
        Assert.Equal(embeddings.Cosine(The, Purse), embeddings.Cosine(Purse, The));
    }

    [Fact]
    public void Missing_and_unknown_words_have_cosine_zero()
    {
        var embeddings = LoadTiny();
        Assert.Equal(0f, embeddings.Cosine(Start, Bag));
        Assert.Equal(0f, embeddings.Cosine(Bag, -1));
        Assert.Equal(0f, embeddings.Cosine(-1, 99));
        Assert.False(embeddings.Has(-1));
        Assert.False(embeddings.Has(5));
        Assert.Equal(0f, embeddings.CosineToCentroid(Start, [Bag, Of]));
        Assert.Equal(0f, embeddings.CosineToCentroid(-1, [Bag, Of]));
        Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.Vector(5).Length);
    }

    [Fact]
    public void Cosine_with_a_precomputed_centroid_norm_matches_a_plain_double_precision_cosine()
    {
        var embeddings = LoadTiny();
        Span<float> centroid = stackalloc float[Dimensions];
        embeddings.Centroid([Bag, Of, Purse], centroid);
        var norm = WordEmbeddings.Norm(centroid);
        double squared = 0;
        foreach (var c in centroid)
        {
            squared += (double)c * c;
        }

        Assert.Equal(Math.Sqrt(squared), norm, 5);
        for (var id = 0; id < embeddings.WordCount; id++)
        {
            var vector = embeddings.Vector(id);
            double dot = 0, own = 0;
            for (var i = 0; i < Dimensions; i++)
            {
                dot += vector[i] * (double)centroid[i];
                own += vector[i] * (double)vector[i];
            }

            var expected = own == 0 ? 0 : dot / (Math.Sqrt(own) * Math.Sqrt(squared));
            Assert.Equal(expected, embeddings.Cosine(id, centroid, norm), 5);
            Assert.Equal(embeddings.Cosine(id, centroid), embeddings.Cosine(id, centroid, norm));
        }

        Assert.Equal(0f, embeddings.Cosine(Bag, new float[Dimensions], 0f));
        foreach (var id in new[] { -1, embeddings.WordCount, int.MaxValue })
        {
            embeddings.Prefetch(id); // a hint: never throws for ids outside the table
        }
    }

    [Fact]
    public void Centroid_is_the_mean_of_unit_vectors_skipping_unknown_and_missing_ids()
    {
        var embeddings = LoadTiny();
        var centroid = new float[Dimensions];
        embeddings.Centroid([Bag, -1, Purse, Start], centroid);
        // (x + (x + y)/√2) / 2
        Assert.Equal((1f + InverseRoot2) / 2f, centroid[0], 6);
        Assert.Equal(InverseRoot2 / 2f, centroid[1], 6);
        Assert.Equal(0f, centroid[2], 6);
    }

    [Fact]
    public void Cosine_to_centroid_matches_hand_computed_values_and_the_precomputed_variant()
    {
        var embeddings = LoadTiny();
        // Centroid of bag and of is (x + y)/2, the direction of purse.
        Assert.Equal(1f, embeddings.CosineToCentroid(Purse, [Bag, Of]), 6);
        Assert.Equal(InverseRoot2, embeddings.CosineToCentroid(Bag, [Bag, Of]), 6);
        // the = (−x + z)/√2 against (x + y)/2: −½ / (√2 · ½√2) = −½.
        Assert.Equal(-0.5f, embeddings.CosineToCentroid(The, [Bag, Of, -1, Start]), 6);
        Span<float> centroid = stackalloc float[Dimensions];
        embeddings.Centroid([Bag, Of], centroid);
        foreach (var id in new[] { Bag, Of, Purse, The })
        {
            Assert.Equal(embeddings.CosineToCentroid(id, [Bag, Of]), embeddings.Cosine(id, centroid));
        }
    }

    [Fact]
    public void Empty_or_vectorless_context_gives_zero_and_a_zero_centroid()
    {
        var embeddings = LoadTiny();
        Assert.Equal(0f, embeddings.CosineToCentroid(Bag, []));
        Assert.Equal(0f, embeddings.CosineToCentroid(Bag, [-1, Start]));
        var centroid = new[] { 9f, 9f, 9f };
        embeddings.Centroid([-1, Start], centroid);
        Assert.Equal(new float[3], centroid);
        Assert.Equal(0f, embeddings.Cosine(Bag, centroid));
    }

    [Fact]
    public void Centroid_of_the_wrong_length_is_rejected()
    {
        var embeddings = LoadTiny();
        Assert.Throws<ArgumentException>(() => embeddings.Centroid([Bag], new float[Dimensions + 1]));
        Assert.Throws<ArgumentException>(() => embeddings.Cosine(Bag, new float[Dimensions - 1]));
    }

    /// <summary>Dimensions not a multiple of 16 exercise both the vector loop and the scalar tail.</summary>
    [Theory]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(100)]
    public void Vectorised_results_agree_with_a_plain_double_computation(int dimensions)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var vectors = new sbyte[5 * dimensions];
            for (var i = dimensions; i < vectors.Length; i++) // word 0 stays missing
            {
                vectors[i] = (sbyte)random.Next(-127, 128);
            }

            var embeddings = new WordEmbeddings(dimensions, vectors, "random");
            for (var a = 0; a < 5; a++)
            {
                for (var b = 0; b < 5; b++)
                {
                    Assert.Equal(PlainCosine(Row(vectors, a, dimensions), Row(vectors, b, dimensions)), embeddings.Cosine(a, b), 1e-5);
                }

                var context = new[] { 1, 2, 0, -1, 4 };
                var mean = new double[dimensions];
                foreach (var id in new[] { 1, 2, 4 })
                {
                    var row = Row(vectors, id, dimensions);
                    var norm = Math.Sqrt(row.Sum(x => x * x));
                    for (var d = 0; d < dimensions; d++)
                    {
                        mean[d] += row[d] / norm / 3;
                    }
                }

                var centroid = new float[dimensions];
                embeddings.Centroid(context, centroid);
                for (var d = 0; d < dimensions; d++)
                {
                    Assert.Equal(mean[d], centroid[d], 1e-5);
                }

                Assert.Equal(PlainCosine(Row(vectors, a, dimensions), mean), embeddings.CosineToCentroid(a, context), 1e-5);
            }
        }
    }

    /// <summary>
    /// The register-held centroid of a few ids and the four-at-a-time cosines give the very bits of the per-vector
    /// centroid (taken for more than 32 ids: the ids padded with −1, which is skipped) and of one cosine at a time.
    /// </summary>
    [Theory]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(100)]
    public void Fused_centroids_and_cosines_are_bit_identical_to_the_plain_ones(int dimensions)
    {
        const int Words = 50;
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var vectors = new sbyte[Words * dimensions];
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] = (sbyte)random.Next(-128, 128);
            }

            for (var missing = 0; missing < 5; missing++)
            {
                vectors.AsSpan(random.Next(Words) * dimensions, dimensions).Clear();
            }

            var embeddings = new WordEmbeddings(dimensions, vectors, "random");
            for (var round = 0; round < 20; round++)
            {
                var ids = new int[random.Next(0, 33)];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = random.Next(10) == 0 ? -1 : random.Next(Words);
                }

                var fused = new float[dimensions];
                embeddings.Centroid(ids, fused);
                var plain = new float[dimensions];
                embeddings.Centroid([.. ids, .. Enumerable.Repeat(-1, 40)], plain);
                Assert.Equal(plain.Select(BitConverter.SingleToInt32Bits), fused.Select(BitConverter.SingleToInt32Bits));

                var norm = WordEmbeddings.Norm(fused);
                var candidates = new int[random.Next(0, 17)];
                for (var i = 0; i < candidates.Length; i++)
                {
                    candidates[i] = random.Next(10) == 0 ? -1 : random.Next(Words);
                }

                var cosines = new float[candidates.Length];
                embeddings.Cosines(candidates, fused, norm, cosines);
                for (var i = 0; i < candidates.Length; i++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(embeddings.Cosine(candidates[i], fused, norm)), BitConverter.SingleToInt32Bits(cosines[i]));
                }
            }
        }
    }

    [Fact]
    public void Load_rejects_embeddings_built_for_another_vocabulary()
    {
        var path = Write(_directory, _lexicon);
        var data = TinyLexicon.Create();
        data.VocabularyChars[4] = 'o'; // "bag" → "bog": same word count, different words
        using var stream = new MemoryStream();
        LexiconFile.Write(data, stream);
        var other = TinyLexicon.Load(stream.ToArray(), "other.bin");
        var error = Assert.Throws<LexiconFormatException>(() => WordEmbeddings.Load(path, other));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("another lexicon vocabulary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vocabulary_hash_depends_on_every_word_and_their_order()
    {
        var hash = EmbeddingsFile.VocabularyHash(_lexicon);
        Assert.Equal(hash, EmbeddingsFile.VocabularyHash(LoadLexicon()));
        var data = TinyLexicon.Create();
        // "<s>bag" split as "<s>b" + "ag" keeps the characters but moves a word boundary.
        data.VocabularyOffsets[1] = 4;
        using var stream = new MemoryStream();
        LexiconFile.Write(data, stream);
        Assert.NotEqual(hash, EmbeddingsFile.VocabularyHash(TinyLexicon.Load(stream.ToArray())));
    }

    private static double[] Row(sbyte[] vectors, int id, int dimensions) =>
        vectors.AsSpan(id * dimensions, dimensions).ToArray().Select(x => (double)x).ToArray();

    private static double PlainCosine(double[] a, double[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }
}
