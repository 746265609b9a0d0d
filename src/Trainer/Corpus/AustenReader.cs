using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads Jane Austen's six novels from the R package janeaustenr as Debian ships it
/// (<c>usr/lib/R/site-library/janeaustenr/data/Rdata.rdb</c>: zlib-compressed R serialisations, each a character
/// vector holding one novel line by line). One document per chapter; the novel's chapters share its group only
/// through their own ids, so chapters of one novel may sit in different splits (they share no text).
/// </summary>
internal static partial class AustenReader
{
    /// <summary>Path of the lazy-load database inside the unpacked package.</summary>
    public const string RelativePath = "usr/lib/R/site-library/janeaustenr/data/Rdata.rdb";

    private const int StringVector = 16;
    private const int CharacterString = 9;

    /// <summary>Reads every chapter of every novel in the database at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">An object is not a character vector (message names the file).</exception>
    public static IEnumerable<SourceDocument> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"janeaustenr data '{path}' is missing; run data/fetch.sh.", path);
        }

        var documents = new List<SourceDocument>();
        foreach (var lines in ReadStringVectors(File.ReadAllBytes(path), path))
        {
            documents.AddRange(Chapters(lines));
        }

        return documents;
    }

    /// <summary>Decodes every R character vector stored in a lazy-load database.</summary>
    public static List<string[]> ReadStringVectors(byte[] database, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(database);
        var vectors = new List<string[]>();
        var position = 0;
        Span<byte> checksum = stackalloc byte[4];
        while (position + 6 <= database.Length)
        {
            // Each object: 4-byte big-endian uncompressed length, then a zlib stream whose own length is not
            // stored. The stream ends with the Adler-32 checksum of the payload, which marks where the next starts.
            var length = BinaryPrimitives.ReadInt32BigEndian(database.AsSpan(position));
            if (length <= 0 || database[position + 4] != 0x78)
            {
                throw new InvalidDataException($"{sourceName}: no zlib object at byte {position}.");
            }

            var payload = Inflate(database, position + 4, length);
            if (payload.Length != length || payload[0] != (byte)'X' || payload[1] != (byte)'\n')
            {
                throw new InvalidDataException($"{sourceName}: object at byte {position} is not an R serialisation.");
            }

            vectors.Add(ParseStringVector(payload, sourceName));
            BinaryPrimitives.WriteUInt32BigEndian(checksum, Adler32(payload));
            var end = database.AsSpan(position + 6).IndexOf(checksum);
            if (end < 0)
            {
                throw new InvalidDataException($"{sourceName}: object at byte {position} has no end.");
            }

            position += 6 + end + 4;
        }

        if (vectors.Count == 0)
        {
            throw new InvalidDataException($"{sourceName}: no R character vectors found.");
        }

        return vectors;
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % Modulus;
            b = (b + a) % Modulus;
        }

        return (b << 16) | a;
    }

    private static byte[] Inflate(byte[] database, int offset, int length)
    {
        using var input = new MemoryStream(database, offset, database.Length - offset, writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        var output = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = zlib.Read(output, read, length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == length ? output : output[..read];
    }

    private static string[] ParseStringVector(byte[] payload, string sourceName)
    {
        var reader = new XdrReader(payload, 2);
        var version = reader.Int();
        reader.Int(); // writer version
        reader.Int(); // minimal reader version
        if (version == 3)
        {
            reader.Skip(reader.Int()); // native encoding name
        }

        var header = reader.Int();
        if ((header & 0xFF) != StringVector)
        {
            throw new InvalidDataException($"{sourceName}: expected a character vector, found R type {header & 0xFF}.");
        }

        var count = reader.Int();
        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            var flags = reader.Int();
            if ((flags & 0xFF) != CharacterString)
            {
                throw new InvalidDataException($"{sourceName}: element {i} is R type {flags & 0xFF}, not a string.");
            }

            var size = reader.Int();
            strings[i] = size < 0 ? string.Empty : reader.Utf8(size);
        }

        return strings;
    }

    /// <summary>Splits one novel (its lines, title first) into chapter documents.</summary>
    public static List<SourceDocument> Chapters(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var documents = new List<SourceDocument>();
        if (lines.Count == 0)
        {
            return documents;
        }

        var novel = Slug(lines[0]);
        var chapter = 0;
        var paragraphs = new List<string>();
        var paragraph = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (ChapterHeading().IsMatch(line))
            {
                FlushParagraph(paragraph, paragraphs);
                Emit(documents, novel, chapter, paragraphs);
                chapter++;
                continue;
            }

            if (line.Length == 0 || VolumeHeading().IsMatch(line))
            {
                FlushParagraph(paragraph, paragraphs);
                continue;
            }

            paragraph.Add(line.Replace("_", string.Empty, StringComparison.Ordinal));
        }

        FlushParagraph(paragraph, paragraphs);
        Emit(documents, novel, chapter, paragraphs);
        return documents;
    }

    private static void FlushParagraph(List<string> paragraph, List<string> paragraphs)
    {
        if (paragraph.Count > 0)
        {
            paragraphs.Add(TextStatistics.Unwrap(string.Join(' ', paragraph)));
            paragraph.Clear();
        }
    }

    private static void Emit(List<SourceDocument> documents, string novel, int chapter, List<string> paragraphs)
    {
        // Text before the first chapter heading is the title page.
        if (chapter > 0 && paragraphs.Count > 0)
        {
            var id = $"austen/{novel}/{chapter:D2}";
            documents.Add(new SourceDocument(id, "austen", "literary", id, string.Join("\n\n", paragraphs)));
        }

        paragraphs.Clear();
    }

    private static string Slug(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Trim())
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.Length == 0 ? "novel" : builder.ToString();
    }

    [GeneratedRegex(@"^CHAPTER\b|^Chapter\s+[0-9IVXLC]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^(VOLUME|Volume)\s+[IVX0-9]+|^THE END$|^FINIS$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeHeading();

    /// <summary>Big-endian (XDR) reader over an R serialisation.</summary>
    private ref struct XdrReader(ReadOnlySpan<byte> data, int position)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position = position;

        public int Int()
        {
            if (_position + 4 > _data.Length)
            {
                throw new InvalidDataException("R serialisation ends in the middle of a value.");
            }

            var value = BinaryPrimitives.ReadInt32BigEndian(_data[_position..]);
            _position += 4;
            return value;
        }

        public void Skip(int count) => _position += count;

        public string Utf8(int count)
        {
            if (_position + count > _data.Length)
            {
                throw new InvalidDataException("R serialisation ends in the middle of a string.");
            }

            var text = Encoding.UTF8.GetString(_data.Slice(_position, count));
            _position += count;
            return text;
        }
    }
}
