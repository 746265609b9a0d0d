using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SpinDetect.Lexicon;

/// <summary>
/// The lexicon file format, version <see cref="FormatVersion"/>. Little-endian throughout:
/// <code>
/// magic "SpinDLex" (8 bytes) · uint32 format version · uint32 section count · uint64 xxHash64 of the section table
/// section table: per section { uint32 id · uint32 element size · uint64 offset · uint64 byte length · uint64 xxHash64 }
/// sections, each 8-byte aligned, in table order: the raw arrays of <see cref="LexiconData"/>
/// </code>
/// Every section is checksummed, so a truncated, foreign or corrupted file is reported as
/// <see cref="LexiconFormatException"/> before any of it is used. Sections are read straight into their
/// final arrays (no per-entry objects), which keeps loading to a few large sequential reads.
/// </summary>
internal static class LexiconFile
{
    /// <summary>The version this build writes and reads.</summary>
    internal const int FormatVersion = 1;

    private const int HeaderSize = 24;
    private const int TableEntrySize = 32;
    private static readonly byte[] Magic = "SpinDLex"u8.ToArray();

    /// <summary>Section identifiers; the order is the file order.</summary>
    private enum Section : uint
    {
        VocabularyChars = 1,
        VocabularyOffsets,
        UnigramProb,
        UnigramBackoff,
        BigramOffsets,
        Bigrams,
        Trigrams,
        QuantTables,
        ReverseOffsets,
        ReverseIds,
        LemmaPartsOfSpeech,
        FormPartsOfSpeech,
        AnalysisOffsets,
        Analyses,
        FormOffsets,
        Forms,
        MorphologyBlob,
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    internal static void Write(LexiconData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Write(data, stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/>; same data gives identical bytes.</summary>
    internal static void Write(LexiconData data, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stream);
        EnsureLittleEndian();
        var sections = new (Section Id, int ElementSize, byte[] Bytes)[]
        {
            (Section.VocabularyChars, 2, Bytes<char>(data.VocabularyChars)),
            (Section.VocabularyOffsets, 4, Bytes<int>(data.VocabularyOffsets)),
            (Section.UnigramProb, 4, Bytes<float>(data.UnigramProb)),
            (Section.UnigramBackoff, 4, Bytes<float>(data.UnigramBackoff)),
            (Section.BigramOffsets, 4, Bytes<int>(data.BigramOffsets)),
            (Section.Bigrams, 8, Bytes<ulong>(data.Bigrams)),
            (Section.Trigrams, 4, Bytes<uint>(data.Trigrams)),
            (Section.QuantTables, 4, Bytes<float>(data.QuantTables)),
            (Section.ReverseOffsets, 4, Bytes<int>(data.ReverseOffsets)),
            (Section.ReverseIds, 4, Bytes<int>(data.ReverseIds)),
            (Section.LemmaPartsOfSpeech, 1, data.LemmaPartsOfSpeech),
            (Section.FormPartsOfSpeech, 1, data.FormPartsOfSpeech),
            (Section.AnalysisOffsets, 4, Bytes<int>(data.AnalysisOffsets)),
            (Section.Analyses, 4, Bytes<uint>(data.Analyses)),
            (Section.FormOffsets, 4, Bytes<int>(data.FormOffsets)),
            (Section.Forms, 4, Bytes<uint>(data.Forms)),
            (Section.MorphologyBlob, 1, data.MorphologyBlob),
        };

        var table = new byte[sections.Length * TableEntrySize];
        long offset = HeaderSize + table.Length;
        for (var i = 0; i < sections.Length; i++)
        {
            offset = Align(offset);
            var entry = table.AsSpan(i * TableEntrySize, TableEntrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)sections[i].Id);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], (uint)sections[i].ElementSize);
            BinaryPrimitives.WriteInt64LittleEndian(entry[8..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(entry[16..], sections[i].Bytes.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], Checksum64.Compute(sections[i].Bytes));
            offset += sections[i].Bytes.Length;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], sections.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], Checksum64.Compute(table));
        stream.Write(header);
        stream.Write(table);
        long position = HeaderSize + table.Length;
        Span<byte> padding = stackalloc byte[8];
        padding.Clear();
        foreach (var section in sections)
        {
            var aligned = Align(position);
            stream.Write(padding[..(int)(aligned - position)]);
            stream.Write(section.Bytes);
            position = aligned + section.Bytes.Length;
        }
    }

    /// <summary>Reads and verifies a lexicon file.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="LexiconFormatException">The file is foreign, truncated, corrupted or of another version.</exception>
    internal static LexiconData Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Lexicon file '{path}' does not exist; build it with 'spindetect build-lexicon'.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads and verifies a lexicon from a seekable <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    internal static LexiconData Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EnsureLittleEndian();
        var length = stream.Length;
        Span<byte> header = stackalloc byte[HeaderSize];
        AssetHeader.Read(stream, header, Magic, FormatVersion, "lexicon", "spindetect build-lexicon", problem => Error(sourceName, problem));

        var count = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (count is <= 0 or > 1024)
        {
            throw Error(sourceName, $"has an implausible section count {count}");
        }

        var table = new byte[count * TableEntrySize];
        if (stream.ReadAtLeast(table, table.Length, throwOnEndOfStream: false) < table.Length)
        {
            throw Error(sourceName, "is truncated inside its section table");
        }

        if (Checksum64.Compute(table) != BinaryPrimitives.ReadUInt64LittleEndian(header[16..]))
        {
            throw Error(sourceName, "is corrupted: the section table checksum does not match");
        }

        var reader = new SectionReader(stream, sourceName, table, length);
        var data = new LexiconData
        {
            VocabularyChars = reader.Read<char>(Section.VocabularyChars),
            VocabularyOffsets = reader.Read<int>(Section.VocabularyOffsets),
            UnigramProb = reader.Read<float>(Section.UnigramProb),
            UnigramBackoff = reader.Read<float>(Section.UnigramBackoff),
            BigramOffsets = reader.Read<int>(Section.BigramOffsets),
            Bigrams = reader.Read<ulong>(Section.Bigrams),
            Trigrams = reader.Read<uint>(Section.Trigrams),
            QuantTables = reader.Read<float>(Section.QuantTables),
            ReverseOffsets = reader.Read<int>(Section.ReverseOffsets),
            ReverseIds = reader.Read<int>(Section.ReverseIds),
            LemmaPartsOfSpeech = reader.Read<byte>(Section.LemmaPartsOfSpeech),
            FormPartsOfSpeech = reader.Read<byte>(Section.FormPartsOfSpeech),
            AnalysisOffsets = reader.Read<int>(Section.AnalysisOffsets),
            Analyses = reader.Read<uint>(Section.Analyses),
            FormOffsets = reader.Read<int>(Section.FormOffsets),
            Forms = reader.Read<uint>(Section.Forms),
            MorphologyBlob = reader.Read<byte>(Section.MorphologyBlob),
        };
        LexiconValidator.Validate(data, sourceName);
        return data;
    }

    internal static LexiconFormatException Error(string sourceName, string problem) => new($"Lexicon '{sourceName}' {problem}.");

    private static byte[] Bytes<T>(T[] array)
        where T : unmanaged => MemoryMarshal.AsBytes(array.AsSpan()).ToArray();

    private static long Align(long offset) => (offset + 7) & ~7L;

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The lexicon format is little-endian; big-endian platforms are not supported.");
        }
    }

    /// <summary>Reads sections in table order straight into typed arrays, verifying bounds and checksums.</summary>
    private readonly struct SectionReader(Stream stream, string sourceName, byte[] table, long fileLength)
    {
        internal T[] Read<T>(Section id)
            where T : unmanaged
        {
            var entry = Find(id);
            var elementSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            var byteLength = BinaryPrimitives.ReadInt64LittleEndian(entry[16..]);
            var checksum = BinaryPrimitives.ReadUInt64LittleEndian(entry[24..]);
            if (elementSize != System.Runtime.CompilerServices.Unsafe.SizeOf<T>() || byteLength < 0 || byteLength % elementSize != 0 || byteLength > int.MaxValue)
            {
                throw Error(sourceName, $"has a malformed entry for section {id}");
            }

            if (offset < 0 || offset + byteLength > fileLength)
            {
                throw Error(sourceName, $"is truncated: section {id} ends at byte {offset + byteLength} but the file has {fileLength} bytes");
            }

            // Uninitialised: every byte is overwritten by the read below.
            var array = LargeTables.Allocate<T>((int)(byteLength / elementSize));
            var bytes = MemoryMarshal.AsBytes(array.AsSpan());
            stream.Position = offset;
            if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            {
                throw Error(sourceName, $"is truncated inside section {id}");
            }

            if (Checksum64.Compute(bytes) != checksum)
            {
                throw Error(sourceName, $"is corrupted: the checksum of section {id} does not match");
            }

            return array;
        }

        private ReadOnlySpan<byte> Find(Section id)
        {
            for (var i = 0; i < table.Length; i += TableEntrySize)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(i)) == (uint)id)
                {
                    return table.AsSpan(i, TableEntrySize);
                }
            }

            throw Error(sourceName, $"lacks section {id}");
        }
    }
}
