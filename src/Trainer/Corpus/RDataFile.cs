using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the character vectors of an R lazy-load database (<c>data/Rdata.rdb</c> of an installed R package, as
/// Debian ships R data packages): each object is zlib-compressed XDR serialisation. Only character vectors are
/// supported; the attributes that follow a vector's elements (its names) are not read.
/// </summary>
internal static class RDataFile
{
    private const int StringVector = 16;
    private const int CharacterString = 9;

    /// <summary>Decodes every R character vector stored in a lazy-load database.</summary>
    /// <param name="database">The database's bytes.</param>
    /// <param name="sourceName">Named in error messages.</param>
    /// <exception cref="InvalidDataException">An object is not a character vector, or none is found.</exception>
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

            byte[] payload;
            try
            {
                payload = Inflate(database, position + 4, length);
                if (payload.Length != length || length < 2 || payload[0] != (byte)'X' || payload[1] != (byte)'\n')
                {
                    throw new InvalidDataException($"{sourceName}: object at byte {position} is not an R serialisation.");
                }

                vectors.Add(ParseStringVector(payload, sourceName));
            }
            catch (Exception e) when (e is InvalidDataException or OverflowException
                && !e.Message.StartsWith(sourceName, StringComparison.Ordinal))
            {
                // A corrupt stream or a truncated serialisation: say which file and where.
                throw new InvalidDataException($"{sourceName}: object at byte {position}: {e.Message}", e);
            }
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
