using SpinDetect.Lexicon;
using SpinDetect.Quality;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Builds the <see cref="QualityVectors"/> stored in the quality model: the most frequent content words of the
/// reference lexicon that have an embedding, their unit vectors centred and projected on the leading principal
/// components (so a few dozen dimensions keep most of the topical spread), quantised to sbytes. The selection
/// depends only on the lexicon's word frequencies, not on the quality corpora.
/// </summary>
internal static class QualityVectorsBuilder
{
    /// <summary>
    /// Builds the table from <paramref name="lexicon"/> and its <paramref name="embeddings"/>. The weighted mean
    /// vector of the <paramref name="background"/> texts (as the extractor weighs words with <paramref name="idf"/>)
    /// is subtracted from every word vector, so the centroid of a text is its departure from ordinary prose and
    /// the cosines of two centroids measure shared topic rather than shared Englishness.
    /// </summary>
    public static QualityVectors Build(
        ReferenceLexicon lexicon, WordEmbeddings embeddings, int words, int dimensions, IEnumerable<string> background, byte[] idf)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, embeddings.Dimensions);

        // Candidate words: alphabetic, at least three letters, not stop words (the extractor's content words).
        var candidates = new List<(float Frequency, int Id)>();
        for (var id = 0; id < lexicon.WordCount; id++)
        {
            var word = lexicon.WordSpan(id);
            if (word.Length < 3 || !embeddings.Has(id) || EnglishWords.IsStopWord(word) || !IsLetters(word))
            {
                continue;
            }

            candidates.Add((lexicon.Unigram(id), id));
        }

        candidates.Sort((a, b) => a.Frequency != b.Frequency ? b.Frequency.CompareTo(a.Frequency) : a.Id.CompareTo(b.Id));
        var chosen = new List<(uint Hash, int Id)>(words);
        var seen = new HashSet<uint>();
        foreach (var (_, id) in candidates)
        {
            if (chosen.Count == words)
            {
                break;
            }

            // Plural and singular share a hash; the more frequent form speaks for both.
            var hash = TextPatterns.WordHash(lexicon.WordSpan(id));
            if (hash != 0 && seen.Add(hash))
            {
                chosen.Add((hash, id));
            }
        }

        var full = embeddings.Dimensions;
        var n = chosen.Count;
        var unit = new double[n * full];
        var mean = new double[full];
        for (var i = 0; i < n; i++)
        {
            var id = chosen[i].Id;
            var vector = embeddings.Vector(id);
            var inverse = embeddings.InverseNorm(id);
            for (var k = 0; k < full; k++)
            {
                unit[(i * full) + k] = vector[k] * inverse;
                mean[k] += unit[(i * full) + k] / n;
            }
        }

        var covariance = new double[full * full];
        var centred = new double[full];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < full; k++)
            {
                centred[k] = unit[(i * full) + k] - mean[k];
            }

            for (var a = 0; a < full; a++)
            {
                for (var b = a; b < full; b++)
                {
                    covariance[(a * full) + b] += centred[a] * centred[b];
                }
            }
        }

        for (var a = 0; a < full; a++)
        {
            for (var b = 0; b < a; b++)
            {
                covariance[(a * full) + b] = covariance[(b * full) + a];
            }
        }

        var components = LeadingEigenvectors(covariance, full, dimensions);
        // Project on the components and make unit vectors in the reduced space.
        var projected = new double[n * dimensions];
        var rowOf = new Dictionary<uint, int>(n);
        for (var i = 0; i < n; i++)
        {
            double squared = 0;
            for (var c = 0; c < dimensions; c++)
            {
                double sum = 0;
                for (var k = 0; k < full; k++)
                {
                    sum += (unit[(i * full) + k] - mean[k]) * components[(c * full) + k];
                }

                projected[(i * dimensions) + c] = sum;
                squared += sum * sum;
            }

            if (squared > 0)
            {
                for (var c = 0; c < dimensions; c++)
                {
                    projected[(i * dimensions) + c] /= Math.Sqrt(squared);
                }

                rowOf[chosen[i].Hash] = i;
            }
        }

        var centre = Background(background, idf, rowOf, projected, dimensions);
        var hashes = new uint[n];
        var quantised = new sbyte[n * dimensions];
        var scales = new float[n];
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (!rowOf.ContainsKey(chosen[i].Hash))
            {
                continue;
            }

            double largest = 0;
            for (var c = 0; c < dimensions; c++)
            {
                projected[(i * dimensions) + c] -= centre[c];
                largest = Math.Max(largest, Math.Abs(projected[(i * dimensions) + c]));
            }

            if (largest <= 0)
            {
                continue;
            }

            for (var c = 0; c < dimensions; c++)
            {
                quantised[(kept * dimensions) + c] = (sbyte)Math.Round(projected[(i * dimensions) + c] * 127 / largest);
            }

            hashes[kept] = chosen[i].Hash;
            scales[kept] = (float)(largest / 127);
            kept++;
        }

        return new QualityVectors(dimensions, hashes[..kept], quantised[..(kept * dimensions)], scales[..kept]);
    }

    /// <summary>The mean word vector of running text, weighted as the extractor weighs words.</summary>
    private static double[] Background(
        IEnumerable<string> texts, byte[] idf, Dictionary<uint, int> rowOf, double[] projected, int dimensions)
    {
        var centre = new double[dimensions];
        double total = 0;
        var scratch = new QualityScratch();
        foreach (var text in texts)
        {
            var count = QualityFeatureExtractor.Extract(text, scratch, out _);
            if (count == 0)
            {
                continue;
            }

            var words = scratch.HashStart[count - 1] + scratch.HashCount[count - 1];
            foreach (var hash in scratch.WordHashes.AsSpan(0, words))
            {
                if (rowOf.TryGetValue(hash, out var row))
                {
                    var weight = 1.0 + (idf[hash & (QualityScratch.BagSize - 1)] / 16.0);
                    total += weight;
                    for (var c = 0; c < dimensions; c++)
                    {
                        centre[c] += weight * projected[(row * dimensions) + c];
                    }
                }
            }
        }

        for (var c = 0; c < dimensions; c++)
        {
            centre[c] = total == 0 ? 0 : centre[c] / total;
        }

        return centre;
    }

    /// <summary>The <paramref name="count"/> eigenvectors of the symmetric <paramref name="matrix"/> with the largest
    /// eigenvalues, row-major (cyclic Jacobi rotations).</summary>
    internal static double[] LeadingEigenvectors(double[] matrix, int size, int count)
    {
        var a = (double[])matrix.Clone();
        var v = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            v[(i * size) + i] = 1;
        }

        for (var sweep = 0; sweep < 50; sweep++)
        {
            double off = 0;
            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    off += a[(p * size) + q] * a[(p * size) + q];
                }
            }

            if (off < 1e-18)
            {
                break;
            }

            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    var apq = a[(p * size) + q];
                    if (Math.Abs(apq) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[(q * size) + q] - a[(p * size) + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < size; k++)
                    {
                        var akp = a[(k * size) + p];
                        var akq = a[(k * size) + q];
                        a[(k * size) + p] = (c * akp) - (s * akq);
                        a[(k * size) + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < size; k++)
                    {
                        var apk = a[(p * size) + k];
                        var aqk = a[(q * size) + k];
                        a[(p * size) + k] = (c * apk) - (s * aqk);
                        a[(q * size) + k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < size; k++)
                    {
                        var vkp = v[(k * size) + p];
                        var vkq = v[(k * size) + q];
                        v[(k * size) + p] = (c * vkp) - (s * vkq);
                        v[(k * size) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        var order = Enumerable.Range(0, size).OrderByDescending(i => a[(i * size) + i]).ThenBy(i => i).ToArray();
        var result = new double[count * size];
        for (var c = 0; c < count; c++)
        {
            for (var k = 0; k < size; k++)
            {
                result[(c * size) + k] = v[(k * size) + order[c]];
            }
        }

        return result;
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
