using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SpinDetect.Lexicon;

/// <summary>
/// The word-embeddings file format, version <see cref="FormatVersion"/>: one quantised vector per word id of
/// a <see cref="ReferenceLexicon"/>, in id order. Little-endian throughout:
/// <code>
/// header (56 bytes): magic "SpinDEmb" · int32 format version · int32 dimensions · int32 word count
///   · int32 words with a vector · uint64 vocabulary hash · uint64 xxHash64 of the missing bitmap
///   · uint64 xxHash64 of the vectors · uint64 xxHash64 of the preceding 48 header bytes
/// missing bitmap: ⌈count / 8⌉ bytes padded to a multiple of 8, bit (id mod 8) of byte (id / 8) set = no vector
/// vectors: count × dimensions sbytes; each present vector scaled so its largest component is ±127, missing ones zero
/// </code>
/// The vocabulary hash ties the file to the exact lexicon vocabulary it was built for, so a mismatched pair
/// fails on load instead of answering for the wrong words. The file ends exactly after the vectors.
/// </summary>
internal static class EmbeddingsFile
{
    /// <summary>The version this build writes and reads.</summary>
    internal const int FormatVersion = 1;

    /// <summary>Largest dimension accepted (callers stackalloc a centroid of this many floats).</summary>
    internal const int MaxDimensions = 1024;

    /// <summary>Bytes before the missing bitmap.</summary>
    internal const int HeaderSize = 56;

    private const int HeaderChecksumOffset = 48;
    private static readonly byte[] Magic = "SpinDEmb"u8.ToArray();

    /// <summary>
    /// A 64-bit FNV-1a hash of the vocabulary: word count, then every word's UTF-16 code units in id order,
    /// each followed by a U+FFFF separator. Deterministic across processes and platforms.
    /// </summary>
    internal static ulong VocabularyHash(ReferenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        const ulong Prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        unchecked
        {
            hash = (hash ^ (uint)lexicon.WordCount) * Prime;
            for (var id = 0; id < lexicon.WordCount; id++)
            {
                foreach (var c in lexicon.WordSpan(id))
                {
                    hash = (hash ^ c) * Prime;
                }

                hash = (hash ^ 0xFFFF) * Prime;
            }
        }

        return hash;
    }

    /// <summary>Bytes of the padded missing bitmap for <paramref name="count"/> words.</summary>
    internal static int BitmapBytes(int count) => (((count + 7) / 8) + 7) & ~7;

    /// <summary>Writes <paramref name="vectors"/> (count × <paramref name="dimensions"/>, id order) to <paramref name="path"/> atomically.</summary>
    internal static void Write(string path, int dimensions, ulong vocabularyHash, ReadOnlySpan<sbyte> vectors)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Write(stream, dimensions, vocabularyHash, vectors);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>
    /// Writes the file to <paramref name="stream"/>; the same input gives identical bytes. A word whose vector is
    /// all zeros is marked missing.
    /// </summary>
    internal static void Write(Stream stream, int dimensions, ulong vocabularyHash, ReadOnlySpan<sbyte> vectors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EnsureLittleEndian();
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        if (vectors.Length % dimensions != 0)
        {
            throw new ArgumentException($"The vector array length {vectors.Length} is not a multiple of {dimensions} dimensions.", nameof(vectors));
        }

        var count = vectors.Length / dimensions;
        var bitmap = new byte[BitmapBytes(count)];
        var present = 0;
        for (var id = 0; id < count; id++)
        {
            if (vectors.Slice(id * dimensions, dimensions).ContainsAnyExcept((sbyte)0))
            {
                present++;
            }
            else
            {
                bitmap[id >> 3] |= (byte)(1 << (id & 7));
            }
        }

        var vectorBytes = MemoryMarshal.AsBytes(vectors);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], count);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], present);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], vocabularyHash);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], Checksum64.Compute(bitmap));
        BinaryPrimitives.WriteUInt64LittleEndian(header[40..], Checksum64.Compute(vectorBytes));
        BinaryPrimitives.WriteUInt64LittleEndian(header[HeaderChecksumOffset..], Checksum64.Compute(header[..HeaderChecksumOffset]));
        stream.Write(header);
        stream.Write(bitmap);
        stream.Write(vectorBytes);
    }

    /// <summary>Reads and verifies the file at <paramref name="path"/> against the lexicon vocabulary it must match.</summary>
    /// <returns>The dimension and the count × dimension vectors in id order.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="LexiconFormatException">The file is foreign, truncated, corrupted, of another version or built for another vocabulary.</exception>
    internal static (int Dimensions, sbyte[] Vectors) Read(string path, ulong vocabularyHash, int wordCount)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Embeddings file '{path}' does not exist; build it with 'spindetect build-embeddings'.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, vocabularyHash, wordCount);
    }

    /// <summary>Reads and verifies the file from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    internal static (int Dimensions, sbyte[] Vectors) Read(Stream stream, string sourceName, ulong vocabularyHash, int wordCount)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EnsureLittleEndian();
        var length = stream.Length;
        Span<byte> header = stackalloc byte[HeaderSize];
        AssetHeader.Read(stream, header, Magic, FormatVersion, "embeddings file", "spindetect build-embeddings", problem => Error(sourceName, problem));

        if (Checksum64.Compute(header[..HeaderChecksumOffset]) != BinaryPrimitives.ReadUInt64LittleEndian(header[HeaderChecksumOffset..]))
        {
            throw Error(sourceName, "is corrupted: the header checksum does not match");
        }

        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var present = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        if (dimensions is < 1 or > MaxDimensions || count < 0 || present < 0 || present > count || (long)count * dimensions > Array.MaxLength)
        {
            throw Error(sourceName, $"has an implausible header ({dimensions} dimensions, {count} words, {present} with a vector)");
        }

        if (count != wordCount || BinaryPrimitives.ReadUInt64LittleEndian(header[24..]) != vocabularyHash)
        {
            throw Error(sourceName, $"was built for another lexicon vocabulary ({count} words; the loaded lexicon has {wordCount} or different words); rebuild it with 'spindetect build-embeddings'");
        }

        var bitmapBytes = BitmapBytes(count);
        var expected = HeaderSize + bitmapBytes + ((long)count * dimensions);
        if (length != expected)
        {
            throw Error(sourceName, length < expected
                ? $"is truncated: {length} bytes, expected {expected}"
                : $"has {length - expected} unexpected bytes after the vectors (expected {expected} bytes)");
        }

        var bitmap = new byte[bitmapBytes];
        stream.ReadExactly(bitmap);
        if (Checksum64.Compute(bitmap) != BinaryPrimitives.ReadUInt64LittleEndian(header[32..]))
        {
            throw Error(sourceName, "is corrupted: the checksum of the missing-word bitmap does not match");
        }

        // Uninitialised: every byte is overwritten by the read below.
        var vectors = LargeTables.Allocate<sbyte>(count * dimensions);
        var vectorBytes = MemoryMarshal.AsBytes(vectors.AsSpan());
        stream.ReadExactly(vectorBytes);
        if (Checksum64.Compute(vectorBytes) != BinaryPrimitives.ReadUInt64LittleEndian(header[40..]))
        {
            throw Error(sourceName, "is corrupted: the checksum of the vectors does not match");
        }

        ValidateMissing(sourceName, dimensions, count, present, bitmap, vectors);
        return (dimensions, vectors);
    }

    internal static LexiconFormatException Error(string sourceName, string problem) => new($"Embeddings file '{sourceName}' {problem}.");

    /// <summary>The bitmap must agree with the vectors (missing ⇔ all zeros), and the header's count with both.</summary>
    private static void ValidateMissing(string sourceName, int dimensions, int count, int present, byte[] bitmap, sbyte[] vectors)
    {
        var found = 0;
        for (var id = 0; id < count; id++)
        {
            var missing = (bitmap[id >> 3] & (1 << (id & 7))) != 0;
            var zero = !vectors.AsSpan(id * dimensions, dimensions).ContainsAnyExcept((sbyte)0);
            if (missing != zero)
            {
                throw Error(sourceName, $"is inconsistent: word {id} is marked {(missing ? "missing" : "present")} but its vector is {(zero ? "zero" : "not zero")}");
            }

            found += missing ? 0 : 1;
        }

        if (found != present)
        {
            throw Error(sourceName, $"is inconsistent: the header says {present} words have a vector, the file holds {found}");
        }
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The embeddings format is little-endian; big-endian platforms are not supported.");
        }
    }
}
