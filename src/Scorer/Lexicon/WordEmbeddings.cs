using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpinDetect.Lexicon;

/// <summary>
/// Word vectors (GloVe 6B, 100 dimensions in the shipped <c>models/embeddings.bin</c>) for the word ids of a
/// <see cref="ReferenceLexicon"/>, for semantic-coherence features: a spinner's substitute is often far from its
/// context words ("retweeted 6,000 seasons") where the original was close ("times"). Vectors are stored as
/// sbytes, each scaled so its largest component is ±127; cosines are exact on those quantised vectors (the
/// per-word scale cancels). Immutable and thread-safe; every lookup is allocation-free. Ids outside the
/// vocabulary (such as −1 for unknown words) count as missing wherever a method says "missing".
/// </summary>
internal sealed class WordEmbeddings
{
    private readonly sbyte[] _vectors;
    private readonly float[] _inverseNorms;

    /// <summary>Wraps already validated <paramref name="vectors"/> (word count × <paramref name="dimensions"/>, id order; all-zero = missing).</summary>
    internal WordEmbeddings(int dimensions, sbyte[] vectors, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, EmbeddingsFile.MaxDimensions);
        if (vectors.Length % dimensions != 0)
        {
            throw new ArgumentException($"The vector array length {vectors.Length} is not a multiple of {dimensions} dimensions.", nameof(vectors));
        }

        Dimensions = dimensions;
        SourceName = sourceName;
        _vectors = vectors;
        _inverseNorms = new float[vectors.Length / dimensions];
        for (var id = 0; id < _inverseNorms.Length; id++)
        {
            var vector = Vector(id);
            var squared = Dot(vector, vector);
            if (squared > 0)
            {
                _inverseNorms[id] = 1f / MathF.Sqrt(squared);
                PresentCount++;
            }
        }
    }

    /// <summary>Vector length (100 for the shipped file).</summary>
    public int Dimensions { get; }

    /// <summary>Number of word ids covered (the lexicon's word count).</summary>
    public int WordCount => _inverseNorms.Length;

    /// <summary>Number of words that have a vector.</summary>
    public int PresentCount { get; }

    /// <summary>The file (or other source) the vectors came from.</summary>
    internal string SourceName { get; }

    /// <summary>
    /// Loads <paramref name="path"/> and checks that it was built for exactly the vocabulary of
    /// <paramref name="lexicon"/>, so its ids are the lexicon's word ids.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="LexiconFormatException">The file is foreign, truncated, corrupted, of another format version or built for another vocabulary.</exception>
    public static WordEmbeddings Load(string path, ReferenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var (dimensions, vectors) = EmbeddingsFile.Read(path, EmbeddingsFile.VocabularyHash(lexicon), lexicon.WordCount);
        return new WordEmbeddings(dimensions, vectors, path);
    }

    /// <summary>Whether word <paramref name="id"/> has a vector (false for ids outside the vocabulary, e.g. −1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(int id) => (uint)id < (uint)_inverseNorms.Length && _inverseNorms[id] != 0f;

    /// <summary>
    /// The quantised vector of <paramref name="id"/>: the word's direction scaled so its largest component is ±127
    /// (all zeros when missing). Multiply by <see cref="InverseNorm"/> for the unit vector.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a word id.</exception>
    public ReadOnlySpan<sbyte> Vector(int id)
    {
        if ((uint)id >= (uint)_inverseNorms.Length)
        {
            ThrowBadId(id);
        }

        return _vectors.AsSpan(id * Dimensions, Dimensions);
    }

    /// <summary>1 / ‖<see cref="Vector"/>(<paramref name="id"/>)‖, or 0 when the word is missing.</summary>
    public float InverseNorm(int id) => (uint)id < (uint)_inverseNorms.Length ? _inverseNorms[id] : 0f;

    /// <summary>Cosine similarity of words <paramref name="a"/> and <paramref name="b"/>, in [−1, 1]; 0 when either is missing.</summary>
    public float Cosine(int a, int b)
    {
        if (!Has(a) || !Has(b))
        {
            return 0f;
        }

        var cosine = Dot(Row(a), Row(b)) * _inverseNorms[a] * _inverseNorms[b];
        return Math.Clamp(cosine, -1f, 1f);
    }

    /// <summary>
    /// Cosine between word <paramref name="id"/> and the mean of the unit vectors of <paramref name="contextIds"/>,
    /// skipping −1 and missing ids; 0 when the word is missing or no context word has a vector. The caller decides
    /// whether the word itself belongs to its context. Allocation-free (the centroid lives on the stack).
    /// </summary>
    public float CosineToCentroid(int id, ReadOnlySpan<int> contextIds)
    {
        if (!Has(id))
        {
            return 0f;
        }

        Span<float> centroid = stackalloc float[Dimensions];
        Centroid(contextIds, centroid);
        return Cosine(id, centroid);
    }

    /// <summary>
    /// Writes into <paramref name="centroid"/> (length <see cref="Dimensions"/>) the mean of the unit vectors of
    /// <paramref name="ids"/>, skipping −1 and missing ids; all zeros when none has a vector. Compute it once per
    /// context and score many candidate words against it with <see cref="Cosine(int, ReadOnlySpan{float})"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centroid"/> does not have <see cref="Dimensions"/> elements.</exception>
    public void Centroid(ReadOnlySpan<int> ids, Span<float> centroid)
    {
        if (centroid.Length != Dimensions)
        {
            ThrowBadCentroid(centroid.Length);
        }

        if (ids.Length <= MaxFusedIds && Vector128.IsHardwareAccelerated)
        {
            FusedCentroid(ids, centroid);
            return;
        }

        centroid.Clear();
        var used = 0;
        foreach (var id in ids)
        {
            if (Has(id))
            {
                AddScaled(Row(id), _inverseNorms[id], centroid);
                used++;
            }
        }

        if (used > 1)
        {
            Scale(centroid, 1f / used);
        }
    }

    /// <summary>
    /// Cosine between word <paramref name="id"/> and a vector such as one from <see cref="Centroid"/>, in [−1, 1];
    /// 0 when the word is missing or the vector is zero.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centroid"/> does not have <see cref="Dimensions"/> elements.</exception>
    public float Cosine(int id, ReadOnlySpan<float> centroid)
    {
        if (centroid.Length != Dimensions)
        {
            ThrowBadCentroid(centroid.Length);
        }

        return Cosine(id, centroid, Norm(centroid));
    }

    /// <summary>
    /// <see cref="Cosine(int, ReadOnlySpan{float})"/> with the vector's <see cref="Norm"/> computed once by the
    /// caller, for comparing many words with one centroid. Bit-identical to the two-argument form.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centroid"/> does not have <see cref="Dimensions"/> elements.</exception>
    public float Cosine(int id, ReadOnlySpan<float> centroid, float centroidNorm)
    {
        if (centroid.Length != Dimensions)
        {
            ThrowBadCentroid(centroid.Length);
        }

        if (!Has(id) || centroidNorm <= 0f)
        {
            return 0f;
        }

        return Math.Clamp(DotWithSingles(Row(id), centroid) * _inverseNorms[id] / centroidNorm, -1f, 1f);
    }

    /// <summary>Most ids <see cref="Centroid"/> sums with the vectors held in registers.</summary>
    private const int MaxFusedIds = 32;

    /// <summary>
    /// <see cref="Centroid"/> of a few ids with each 16-element block summed in registers over all the vectors, instead
    /// of a pass over the centroid per vector. Every element still gets 0 + v₁s₁ + v₂s₂ + … in the order of the ids, the
    /// same operations as the per-vector <see cref="AddScaled"/>, so the result is bit-identical.
    /// </summary>
    [SkipLocalsInit]
    private void FusedCentroid(ReadOnlySpan<int> ids, Span<float> centroid)
    {
        Span<int> rows = stackalloc int[MaxFusedIds];
        Span<float> scales = stackalloc float[MaxFusedIds];
        var used = 0;
        foreach (var id in ids)
        {
            if (Has(id))
            {
                rows[used] = id * Dimensions;
                scales[used++] = _inverseNorms[id];
            }
        }

        ref var rv = ref MemoryMarshal.GetArrayDataReference(_vectors);
        ref var rt = ref MemoryMarshal.GetReference(centroid);
        var i = 0;
        for (; i <= Dimensions - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
        {
            Vector128<float> s0 = Vector128<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (var k = 0; k < used; k++)
            {
                var (x0, x1, x2, x3) = ToSingles(ref Unsafe.Add(ref rv, rows[k] + i));
                var factor = Vector128.Create(scales[k]);
                s0 += x0 * factor;
                s1 += x1 * factor;
                s2 += x2 * factor;
                s3 += x3 * factor;
            }

            var at = (nuint)i;
            s0.StoreUnsafe(ref rt, at);
            s1.StoreUnsafe(ref rt, at + 4);
            s2.StoreUnsafe(ref rt, at + 8);
            s3.StoreUnsafe(ref rt, at + 12);
        }

        for (; i < Dimensions; i++)
        {
            var sum = 0f;
            for (var k = 0; k < used; k++)
            {
                sum += Unsafe.Add(ref rv, rows[k] + i) * scales[k];
            }

            Unsafe.Add(ref rt, i) = sum;
        }

        if (used > 1)
        {
            Scale(centroid, 1f / used);
        }
    }

    /// <summary>
    /// <see cref="Cosine(int, ReadOnlySpan{float}, float)"/> of each of <paramref name="ids"/> with one centroid, into
    /// <paramref name="cosines"/>: the same values, with the dot products of up to four words computed in one pass
    /// over the centroid (each word's products are summed in the order <see cref="DotWithSingles"/> sums them).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centroid"/> does not have <see cref="Dimensions"/> elements, or <paramref name="cosines"/> is shorter than the ids.</exception>
    public void Cosines(ReadOnlySpan<int> ids, ReadOnlySpan<float> centroid, float centroidNorm, Span<float> cosines)
    {
        if (centroid.Length != Dimensions)
        {
            ThrowBadCentroid(centroid.Length);
        }

        if (cosines.Length < ids.Length)
        {
            throw new ArgumentException("The result span is shorter than the ids.", nameof(cosines));
        }

        var k = 0;
        if (Vector128.IsHardwareAccelerated && centroidNorm > 0f)
        {
            for (; k + 4 <= ids.Length; k += 4)
            {
                int a = ids[k], b = ids[k + 1], c = ids[k + 2], d = ids[k + 3];
                if (!Has(a) || !Has(b) || !Has(c) || !Has(d))
                {
                    for (var j = k; j < k + 4; j++)
                    {
                        cosines[j] = Cosine(ids[j], centroid, centroidNorm);
                    }

                    continue;
                }

                var (da, db, dc, dd) = DotsWithSingles(Row(a), Row(b), Row(c), Row(d), centroid);
                cosines[k] = Math.Clamp(da * _inverseNorms[a] / centroidNorm, -1f, 1f);
                cosines[k + 1] = Math.Clamp(db * _inverseNorms[b] / centroidNorm, -1f, 1f);
                cosines[k + 2] = Math.Clamp(dc * _inverseNorms[c] / centroidNorm, -1f, 1f);
                cosines[k + 3] = Math.Clamp(dd * _inverseNorms[d] / centroidNorm, -1f, 1f);
            }
        }

        for (; k < ids.Length; k++)
        {
            cosines[k] = Cosine(ids[k], centroid, centroidNorm);
        }
    }

    /// <summary>Four <see cref="DotWithSingles"/> in one pass, each with exactly its operations in its order.</summary>
    private static (float, float, float, float) DotsWithSingles(
        ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, ReadOnlySpan<sbyte> c, ReadOnlySpan<sbyte> d, ReadOnlySpan<float> target)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        ref var rd = ref MemoryMarshal.GetReference(d);
        ref var rt = ref MemoryMarshal.GetReference(target);
        var i = 0;
        Vector128<float> sa = Vector128<float>.Zero, sb = sa, sc = sa, sd = sa;
        for (; i <= a.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
        {
            var at = (nuint)i;
            Vector128<float> t0 = Vector128.LoadUnsafe(ref rt, at), t1 = Vector128.LoadUnsafe(ref rt, at + 4),
                t2 = Vector128.LoadUnsafe(ref rt, at + 8), t3 = Vector128.LoadUnsafe(ref rt, at + 12);
            var (a0, a1, a2, a3) = ToSingles(ref Unsafe.Add(ref ra, at));
            sa += (a0 * t0) + (a1 * t1) + (a2 * t2) + (a3 * t3);
            var (b0, b1, b2, b3) = ToSingles(ref Unsafe.Add(ref rb, at));
            sb += (b0 * t0) + (b1 * t1) + (b2 * t2) + (b3 * t3);
            var (c0, c1, c2, c3) = ToSingles(ref Unsafe.Add(ref rc, at));
            sc += (c0 * t0) + (c1 * t1) + (c2 * t2) + (c3 * t3);
            var (d0, d1, d2, d3) = ToSingles(ref Unsafe.Add(ref rd, at));
            sd += (d0 * t0) + (d1 * t1) + (d2 * t2) + (d3 * t3);
        }

        float da = Vector128.Sum(sa), db = Vector128.Sum(sb), dc = Vector128.Sum(sc), dd = Vector128.Sum(sd);
        for (; i < a.Length; i++)
        {
            var t = Unsafe.Add(ref rt, i);
            da += Unsafe.Add(ref ra, i) * t;
            db += Unsafe.Add(ref rb, i) * t;
            dc += Unsafe.Add(ref rc, i) * t;
            dd += Unsafe.Add(ref rd, i) * t;
        }

        return (da, db, dc, dd);
    }

    /// <summary>Euclidean norm of a vector such as one from <see cref="Centroid"/>.</summary>
    public static float Norm(ReadOnlySpan<float> vector)
    {
        ref var rt = ref MemoryMarshal.GetReference(vector);
        var i = 0;
        var squared = 0f;
        if (Vector128.IsHardwareAccelerated)
        {
            // Same grouping as the dot products below (16 elements per step), so results do not depend on the path.
            var squares = Vector128<float>.Zero;
            for (; i <= vector.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var at = (nuint)i;
                Vector128<float> t0 = Vector128.LoadUnsafe(ref rt, at), t1 = Vector128.LoadUnsafe(ref rt, at + 4),
                    t2 = Vector128.LoadUnsafe(ref rt, at + 8), t3 = Vector128.LoadUnsafe(ref rt, at + 12);
                squares += (t0 * t0) + (t1 * t1) + (t2 * t2) + (t3 * t3);
            }

            squared = Vector128.Sum(squares);
        }

        for (; i < vector.Length; i++)
        {
            var t = Unsafe.Add(ref rt, i);
            squared += t * t;
        }

        return MathF.Sqrt(squared);
    }

    /// <summary>Hints the processor to fetch word <paramref name="id"/>'s vector, which will be read soon.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal unsafe void Prefetch(int id)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported && (uint)id < (uint)_inverseNorms.Length)
        {
            // A hint only, so an unpinned address is fine (the vectors sit in the large-object heap anyway).
            var row = (sbyte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_vectors), id * Dimensions));
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(row);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + Dimensions - 1);
        }
    }

    /// <summary>The stored row of a valid id, without the bounds check of <see cref="Vector"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<sbyte> Row(int id) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_vectors), id * Dimensions), Dimensions);

    /// <summary>Integer dot product; exact (100 products of at most 127² each cannot overflow).</summary>
    private static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var i = 0;
        var sum = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var accumulator = Vector128<int>.Zero;
            for (; i <= a.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (al, ah) = Vector128.Widen(Vector128.LoadUnsafe(ref ra, (nuint)i));
                var (bl, bh) = Vector128.Widen(Vector128.LoadUnsafe(ref rb, (nuint)i));
                // |product| ≤ 128² = 16,384 fits in a short; widen before summing.
                var (p0, p1) = Vector128.Widen(al * bl);
                var (p2, p3) = Vector128.Widen(ah * bh);
                accumulator += (p0 + p1) + (p2 + p3);
            }

            sum = Vector128.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }

    /// <summary>target += scale × vector.</summary>
    private static void AddScaled(ReadOnlySpan<sbyte> vector, float scale, Span<float> target)
    {
        ref var rv = ref MemoryMarshal.GetReference(vector);
        ref var rt = ref MemoryMarshal.GetReference(target);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var factor = Vector128.Create(scale);
            for (; i <= vector.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (x0, x1, x2, x3) = ToSingles(ref Unsafe.Add(ref rv, i));
                var at = (nuint)i;
                (Vector128.LoadUnsafe(ref rt, at) + (x0 * factor)).StoreUnsafe(ref rt, at);
                (Vector128.LoadUnsafe(ref rt, at + 4) + (x1 * factor)).StoreUnsafe(ref rt, at + 4);
                (Vector128.LoadUnsafe(ref rt, at + 8) + (x2 * factor)).StoreUnsafe(ref rt, at + 8);
                (Vector128.LoadUnsafe(ref rt, at + 12) + (x3 * factor)).StoreUnsafe(ref rt, at + 12);
            }
        }

        for (; i < vector.Length; i++)
        {
            Unsafe.Add(ref rt, i) += Unsafe.Add(ref rv, i) * scale;
        }
    }

    /// <summary>target *= factor.</summary>
    private static void Scale(Span<float> target, float factor)
    {
        ref var rt = ref MemoryMarshal.GetReference(target);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var factors = Vector128.Create(factor);
            for (; i <= target.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                (Vector128.LoadUnsafe(ref rt, (nuint)i) * factors).StoreUnsafe(ref rt, (nuint)i);
            }
        }

        for (; i < target.Length; i++)
        {
            Unsafe.Add(ref rt, i) *= factor;
        }
    }

    /// <summary>vector · target for a stored (sbyte) vector and a float one.</summary>
    private static float DotWithSingles(ReadOnlySpan<sbyte> vector, ReadOnlySpan<float> target)
    {
        ref var rv = ref MemoryMarshal.GetReference(vector);
        ref var rt = ref MemoryMarshal.GetReference(target);
        var i = 0;
        var dot = 0f;
        if (Vector128.IsHardwareAccelerated)
        {
            var dots = Vector128<float>.Zero;
            for (; i <= vector.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (x0, x1, x2, x3) = ToSingles(ref Unsafe.Add(ref rv, i));
                var at = (nuint)i;
                dots += (x0 * Vector128.LoadUnsafe(ref rt, at)) + (x1 * Vector128.LoadUnsafe(ref rt, at + 4))
                    + (x2 * Vector128.LoadUnsafe(ref rt, at + 8)) + (x3 * Vector128.LoadUnsafe(ref rt, at + 12));
            }

            dot = Vector128.Sum(dots);
        }

        for (; i < vector.Length; i++)
        {
            dot += Unsafe.Add(ref rv, i) * Unsafe.Add(ref rt, i);
        }

        return dot;
    }

    // The 16 bytes at `block` as four float vectors (bytes 0–3, 4–7, 8–11, 12–15). With SSE4.1 each group of four is
    // sign-extended straight from memory (pmovsxbd) instead of widening the block twice: the same values, fewer
    // shuffles per block.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float>, Vector128<float>, Vector128<float>, Vector128<float>) ToSingles(ref sbyte block)
    {
        if (Sse41.IsSupported)
        {
            return (Vector128.ConvertToSingle(Sse41.ConvertToVector128Int32(FourBytes(ref block))),
                Vector128.ConvertToSingle(Sse41.ConvertToVector128Int32(FourBytes(ref Unsafe.Add(ref block, 4)))),
                Vector128.ConvertToSingle(Sse41.ConvertToVector128Int32(FourBytes(ref Unsafe.Add(ref block, 8)))),
                Vector128.ConvertToSingle(Sse41.ConvertToVector128Int32(FourBytes(ref Unsafe.Add(ref block, 12)))));
        }

        var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref block));
        var (i0, i1) = Vector128.Widen(low);
        var (i2, i3) = Vector128.Widen(high);
        return (Vector128.ConvertToSingle(i0), Vector128.ConvertToSingle(i1), Vector128.ConvertToSingle(i2), Vector128.ConvertToSingle(i3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<sbyte> FourBytes(ref sbyte at) =>
        Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<int>(ref Unsafe.As<sbyte, byte>(ref at))).AsSByte();

    private static void ThrowBadId(int id) =>
        throw new ArgumentOutOfRangeException(nameof(id), id, "Not a word id of the embeddings' lexicon.");

    private void ThrowBadCentroid(int length) =>
        throw new ArgumentException($"The centroid has {length} elements; the embeddings have {Dimensions} dimensions.", "centroid");
}
