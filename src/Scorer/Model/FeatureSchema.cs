using System.Security.Cryptography;
using System.Text;

namespace SpinDetect.Model;

/// <summary>
/// The ordered list of features a model was trained on, with a name and version. A model only accepts rows built
/// by the same schema; <see cref="Hash"/> identifies the ordered names.
/// </summary>
internal sealed class FeatureSchema
{
    private readonly string[] _names;

    /// <summary>Creates a schema; names must be non-empty and unique.</summary>
    internal FeatureSchema(string name, int version, IReadOnlyList<string> featureNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(featureNames);
        _names = [.. featureNames];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in _names)
        {
            if (string.IsNullOrEmpty(feature))
            {
                throw new ArgumentException("Feature names must not be empty.", nameof(featureNames));
            }

            if (!seen.Add(feature))
            {
                throw new ArgumentException($"Feature name '{feature}' appears twice.", nameof(featureNames));
            }
        }

        Name = name;
        Version = version;
        Hash = ComputeHash(_names);
    }

    /// <summary>Schema name, e.g. "spin-document".</summary>
    internal string Name { get; }

    /// <summary>Schema version; bump it when a feature's meaning changes without its name changing.</summary>
    internal int Version { get; }

    /// <summary>Feature names in column order.</summary>
    internal IReadOnlyList<string> FeatureNames => _names;

    /// <summary>Lower-case hex SHA-256 of the ordered names (UTF-8, each followed by a newline).</summary>
    internal string Hash { get; }

    /// <summary>Describes the first difference from another schema, or returns null when both are the same.</summary>
    internal string? DescribeDifference(FeatureSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Name != other.Name)
        {
            return $"schema name '{Name}' differs from '{other.Name}'";
        }

        if (Version != other.Version)
        {
            return $"schema '{Name}' version {Version} differs from version {other.Version}";
        }

        if (Hash == other.Hash)
        {
            return null;
        }

        if (_names.Length != other._names.Length)
        {
            return $"schema '{Name}' has {_names.Length} features, expected {other._names.Length}";
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] != other._names[i])
            {
                return $"feature {i} is '{_names[i]}', expected '{other._names[i]}'";
            }
        }

        return $"schema hash {Hash} differs from {other.Hash}";
    }

    private static string ComputeHash(string[] names)
    {
        var builder = new StringBuilder();
        foreach (var feature in names)
        {
            builder.Append(feature).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
