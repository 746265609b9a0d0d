using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpinDetect.Model;

/// <summary>
/// Reads and writes the SpinDetect model container.
/// Layout (little-endian): magic "SPDMODEL", uint16 format version, uint16 section count, int64 payload length,
/// the payload (sections, each: uint8 name length, ASCII name, int64 length, bytes), then the SHA-256 of everything
/// before it. Sections: "metadata" (UTF-8 JSON), "schema", one "ensemble:NAME" per ensemble, then extra sections
/// in ordinal name order. The same package always gives the same bytes.
/// </summary>
internal static class ModelFile
{
    /// <summary>The format version this code writes and the newest it reads.</summary>
    internal const ushort FormatVersion = 1;

    private const string MetadataSection = "metadata";
    private const string SchemaSection = "schema";
    private const string EnsemblePrefix = "ensemble:";
    private const int HeaderLength = 8 + 2 + 2 + 8;
    private const int ChecksumLength = 32;
    private static readonly byte[] Magic = "SPDMODEL"u8.ToArray();

    /// <summary>Writes a package atomically (temporary file in the same folder, then rename).</summary>
    internal static void Write(string path, ModelPackage package)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = ToBytes(package);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedSchema">When given, the file's schema must equal it.</param>
    /// <exception cref="ModelFormatException">The file is truncated, corrupt, foreign, too new, or built for another schema.</exception>
    internal static ModelPackage Read(string path, FeatureSchema? expectedSchema = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new ModelFormatException($"Model file '{path}' does not exist.", e);
        }

        return FromBytes(bytes, path, expectedSchema);
    }

    /// <summary>Serialises a package to bytes.</summary>
    internal static byte[] ToBytes(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var sections = new List<(string Name, byte[] Bytes)>
        {
            (MetadataSection, WriteMetadata(package.Metadata)),
            (SchemaSection, WriteSchema(package.Schema)),
        };
        foreach (var ensemble in package.Ensembles)
        {
            sections.Add((EnsemblePrefix + ensemble.Name, WriteEnsemble(ensemble)));
        }

        var extraNames = package.ExtraSections.Keys.ToList();
        extraNames.Sort(StringComparer.Ordinal);
        foreach (var name in extraNames)
        {
            if (name is MetadataSection or SchemaSection || name.StartsWith(EnsemblePrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Section name '{name}' is reserved.", nameof(package));
            }

            sections.Add((name, package.ExtraSections[name]));
        }

        if (sections.Count > ushort.MaxValue)
        {
            throw new ArgumentException("Too many sections.", nameof(package));
        }

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (name, content) in sections)
            {
                var nameBytes = Encoding.ASCII.GetBytes(name);
                if (nameBytes.Length is 0 or > byte.MaxValue || name.Any(c => c is < ' ' or > '~'))
                {
                    throw new ArgumentException($"Section name '{name}' must be 1–255 printable ASCII characters.", nameof(package));
                }

                writer.Write((byte)nameBytes.Length);
                writer.Write(nameBytes);
                writer.Write((long)content.Length);
                writer.Write(content);
            }
        }

        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write((ushort)sections.Count);
            writer.Write(payload.Length);
            payload.Position = 0;
            payload.CopyTo(file);
        }

        var checksum = SHA256.HashData(file.GetBuffer().AsSpan(0, (int)file.Length));
        file.Write(checksum);
        return file.ToArray();
    }

    /// <summary>Parses model bytes; <paramref name="source"/> names the origin in error messages.</summary>
    internal static ModelPackage FromBytes(byte[] bytes, string source, FeatureSchema? expectedSchema = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFormatException($"'{source}' is not a SpinDetect model file (wrong magic bytes).");
        }

        if (bytes.Length < HeaderLength + ChecksumLength)
        {
            throw new ModelFormatException($"Model file '{source}' is truncated: {bytes.Length} bytes is shorter than its header.");
        }

        var version = BitConverter.ToUInt16(bytes, 8);
        if (version is 0 or > FormatVersion)
        {
            throw new ModelFormatException(
                $"Model file '{source}' has format version {version}; this SpinDetect reads versions 1–{FormatVersion}.");
        }

        int sectionCount = BitConverter.ToUInt16(bytes, 10);
        var payloadLength = BitConverter.ToInt64(bytes, 12);
        var expectedLength = HeaderLength + payloadLength + ChecksumLength;
        if (payloadLength < 0 || bytes.Length < expectedLength)
        {
            throw new ModelFormatException(
                $"Model file '{source}' is truncated: {bytes.Length} bytes, expected {expectedLength}.");
        }

        if (bytes.Length > expectedLength)
        {
            throw new ModelFormatException($"Model file '{source}' has {bytes.Length - expectedLength} unexpected trailing bytes.");
        }

        var covered = (int)(HeaderLength + payloadLength);
        if (!SHA256.HashData(bytes.AsSpan(0, covered)).AsSpan().SequenceEqual(bytes.AsSpan(covered, ChecksumLength)))
        {
            throw new ModelFormatException($"Model file '{source}' is corrupt: its checksum does not match its contents.");
        }

        try
        {
            return ParsePayload(bytes, covered, sectionCount, source, expectedSchema);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or JsonException or FormatException
                                      or KeyNotFoundException or InvalidOperationException or OverflowException)
        {
            // The checksum matched, so this is a file written by a buggy or foreign writer, not bit rot.
            throw new ModelFormatException($"Model file '{source}' is malformed: {e.Message}", e);
        }
    }

    private static ModelPackage ParsePayload(byte[] bytes, int end, int sectionCount, string source, FeatureSchema? expectedSchema)
    {
        using var stream = new MemoryStream(bytes, HeaderLength, end - HeaderLength, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        ModelMetadata? metadata = null;
        FeatureSchema? schema = null;
        var ensembles = new List<(string Name, byte[] Bytes)>();
        var extra = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < sectionCount; i++)
        {
            var name = Encoding.ASCII.GetString(reader.ReadBytes(reader.ReadByte()));
            var length = reader.ReadInt64();
            if (length < 0 || length > stream.Length - stream.Position)
            {
                throw new EndOfStreamException($"section '{name}' claims {length} bytes, more than remain");
            }

            var content = reader.ReadBytes((int)length);
            if (name == MetadataSection)
            {
                metadata = ReadMetadata(content);
            }
            else if (name == SchemaSection)
            {
                schema = ReadSchema(content);
            }
            else if (name.StartsWith(EnsemblePrefix, StringComparison.Ordinal))
            {
                ensembles.Add((name[EnsemblePrefix.Length..], content));
            }
            else if (!extra.TryAdd(name, content))
            {
                throw new FormatException($"section '{name}' appears twice");
            }
        }

        if (stream.Position != stream.Length)
        {
            throw new FormatException("bytes remain after the last section");
        }

        if (metadata is null || schema is null || ensembles.Count == 0)
        {
            throw new FormatException("a metadata, schema or ensemble section is missing");
        }

        if (expectedSchema is not null && schema.DescribeDifference(expectedSchema) is { } difference)
        {
            throw new ModelFormatException(
                $"Model file '{source}' was built for another feature schema ({difference}; file schema '{schema.Name}' v{schema.Version}, hash {schema.Hash[..12]}…, expected '{expectedSchema.Name}' v{expectedSchema.Version}, hash {expectedSchema.Hash[..12]}…).");
        }

        var calibrated = new List<CalibratedEnsemble>(ensembles.Count);
        foreach (var (name, content) in ensembles)
        {
            calibrated.Add(ReadEnsemble(name, content));
        }

        return new ModelPackage(metadata, schema, calibrated, extra);
    }

    private static byte[] WriteMetadata(ModelMetadata metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("trainedAtUtc", metadata.TrainedAtUtc.ToUniversalTime());
            json.WriteString("spinDetectVersion", metadata.SpinDetectVersion);
            json.WriteString("description", metadata.Description);
            WriteSorted(json, "options", metadata.Options, static (w, v) => w.WriteStringValue(v));
            WriteSorted(json, "metrics", metadata.Metrics, static (w, v) =>
            {
                if (double.IsFinite(v))
                {
                    w.WriteNumberValue(v);
                }
                else
                {
                    w.WriteNullValue();
                }
            });
            WriteSorted(json, "dataHashes", metadata.DataHashes, static (w, v) => w.WriteStringValue(v));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSorted<T>(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, T> values, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartObject(name);
        var keys = values.Keys.ToList();
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            json.WritePropertyName(key);
            write(json, values[key]);
        }

        json.WriteEndObject();
    }

    private static ModelMetadata ReadMetadata(byte[] content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("options").EnumerateObject())
        {
            options[property.Name] = property.Value.GetString() ?? "";
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("metrics").EnumerateObject())
        {
            metrics[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? double.NaN : property.Value.GetDouble();
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("dataHashes").EnumerateObject())
        {
            hashes[property.Name] = property.Value.GetString() ?? "";
        }

        return new ModelMetadata
        {
            TrainedAtUtc = root.GetProperty("trainedAtUtc").GetDateTimeOffset(),
            SpinDetectVersion = root.GetProperty("spinDetectVersion").GetString() ?? "",
            Description = root.GetProperty("description").GetString() ?? "",
            Options = options,
            Metrics = metrics,
            DataHashes = hashes,
        };
    }

    private static byte[] WriteSchema(FeatureSchema schema)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(schema.Name);
            writer.Write(schema.Version);
            writer.Write(schema.FeatureNames.Count);
            foreach (var name in schema.FeatureNames)
            {
                writer.Write(name);
            }

            writer.Write(schema.Hash);
        }

        return buffer.ToArray();
    }

    private static FeatureSchema ReadSchema(byte[] content)
    {
        using var reader = new BinaryReader(new MemoryStream(content, writable: false), Encoding.UTF8);
        var name = reader.ReadString();
        var version = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (count < 0 || count > content.Length)
        {
            throw new FormatException($"schema claims {count} features");
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.ReadString();
        }

        var schema = new FeatureSchema(name, version, names);
        var storedHash = reader.ReadString();
        return storedHash == schema.Hash
            ? schema
            : throw new FormatException("the stored schema hash does not match its feature names");
    }

    private static byte[] WriteEnsemble(CalibratedEnsemble calibrated)
    {
        var ensemble = calibrated.Ensemble;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ensemble.FeatureCount);
            writer.Write(ensemble.Bias);
            writer.Write(calibrated.Calibrator.Slope);
            writer.Write(calibrated.Calibrator.Offset);
            writer.Write(ensemble.Nodes.Length);
            foreach (var node in ensemble.Nodes)
            {
                writer.Write(node.Packed);
                writer.Write(node.Threshold);
                writer.Write(node.Left);
                writer.Write(node.Right);
            }

            writer.Write(ensemble.Leaves.Length);
            foreach (var leaf in ensemble.Leaves)
            {
                writer.Write(leaf);
            }

            writer.Write(ensemble.Roots.Length);
            foreach (var root in ensemble.Roots)
            {
                writer.Write(root);
            }
        }

        return buffer.ToArray();
    }

    private static CalibratedEnsemble ReadEnsemble(string name, byte[] content)
    {
        using var reader = new BinaryReader(new MemoryStream(content, writable: false), Encoding.UTF8);
        var featureCount = reader.ReadInt32();
        var bias = reader.ReadDouble();
        var calibrator = new PlattCalibrator(reader.ReadDouble(), reader.ReadDouble());
        var nodes = new TreeNode[CheckCount(reader.ReadInt32(), 16, content.Length)];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = TreeNode.FromPacked(reader.ReadInt32(), reader.ReadSingle(), reader.ReadInt32(), reader.ReadInt32());
        }

        var leaves = new double[CheckCount(reader.ReadInt32(), 8, content.Length)];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = reader.ReadDouble();
        }

        var roots = new int[CheckCount(reader.ReadInt32(), 4, content.Length)];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = reader.ReadInt32();
        }

        if (!double.IsFinite(calibrator.Slope) || !double.IsFinite(calibrator.Offset))
        {
            throw new FormatException($"ensemble '{name}' has a non-finite calibrator");
        }

        return new CalibratedEnsemble(name, new TreeEnsemble(featureCount, bias, nodes, leaves, roots), calibrator);
    }

    private static int CheckCount(int count, int elementSize, int available) =>
        count >= 0 && (long)count * elementSize <= available
            ? count
            : throw new FormatException($"a count of {count} does not fit in the section");
}
