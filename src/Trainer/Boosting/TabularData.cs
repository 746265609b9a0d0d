using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SpinDetect.Training.Boosting;

/// <summary>
/// A dense, row-major table of float features with binary labels, optional non-negative example weights and
/// optional group keys (rows sharing a key stay in one cross-validation fold). NaN marks a missing value.
/// Immutable once built; the learner's input.
/// </summary>
public sealed class TabularData
{
    private readonly string[] _featureNames;
    private readonly float[] _features;
    private readonly float[] _labels;
    private readonly float[]? _weights;
    private readonly int[]? _groups;

    /// <summary>Creates a table. The arrays are used as given (not copied): do not change them afterwards.</summary>
    /// <param name="featureNames">Column names, unique and non-empty.</param>
    /// <param name="features">Row-major values, <c>rowCount × featureNames.Count</c>; NaN = missing, infinities are rejected.</param>
    /// <param name="labels">One label per row, 0 (negative) or 1 (positive).</param>
    /// <param name="weights">
    /// Optional non-negative finite weight per row: how much the row counts when trees are fitted (gradients, split
    /// gains, leaf values). A validation or evaluation table counts every row once (early stopping, calibration and
    /// metrics ignore its weights), as the held-out figures are meant to describe rows as they come.
    /// </param>
    /// <param name="groups">Optional group key per row.</param>
    /// <exception cref="ArgumentException">Sizes disagree or a value is out of range.</exception>
    public TabularData(IReadOnlyList<string> featureNames, float[] features, float[] labels, float[]? weights = null, int[]? groups = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        _featureNames = [.. featureNames];
        if (_featureNames.Length == 0)
        {
            throw new ArgumentException("At least one feature is needed.", nameof(featureNames));
        }

        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _featureNames)
        {
            if (string.IsNullOrEmpty(name) || !unique.Add(name))
            {
                throw new ArgumentException($"Feature name '{name}' is empty or repeated.", nameof(featureNames));
            }
        }

        if ((long)labels.Length * _featureNames.Length != features.Length)
        {
            throw new ArgumentException(
                $"{features.Length} feature values do not make {labels.Length} rows of {_featureNames.Length} features.", nameof(features));
        }

        for (var i = 0; i < features.Length; i++)
        {
            if (float.IsInfinity(features[i]))
            {
                throw new ArgumentException(
                    $"Row {i / _featureNames.Length}, feature '{_featureNames[i % _featureNames.Length]}' is infinite; use NaN for missing values.",
                    nameof(features));
            }
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0f or 1f))
            {
                throw new ArgumentException($"Label of row {i} is {labels[i]}; labels must be 0 or 1.", nameof(labels));
            }
        }

        if (weights is not null)
        {
            if (weights.Length != labels.Length)
            {
                throw new ArgumentException($"{weights.Length} weights for {labels.Length} rows.", nameof(weights));
            }

            for (var i = 0; i < weights.Length; i++)
            {
                if (!float.IsFinite(weights[i]) || weights[i] < 0)
                {
                    throw new ArgumentException($"Weight of row {i} is {weights[i]}; weights must be finite and non-negative.", nameof(weights));
                }
            }
        }

        if (groups is not null && groups.Length != labels.Length)
        {
            throw new ArgumentException($"{groups.Length} group keys for {labels.Length} rows.", nameof(groups));
        }

        _features = features;
        _labels = labels;
        _weights = weights;
        _groups = groups;
    }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Number of rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>Labels (0 or 1), one per row.</summary>
    public ReadOnlySpan<float> Labels => _labels;

    /// <summary>Weights, one per row; empty when the table has none.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Group keys, one per row; empty when the table has none.</summary>
    public ReadOnlySpan<int> Groups => _groups;

    /// <summary>Whether rows carry weights.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>Whether rows carry group keys.</summary>
    public bool HasGroups => _groups is not null;

    /// <summary>The feature values of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => _features.AsSpan(checked(row * FeatureCount), FeatureCount);

    /// <summary>A new table holding the given rows, in the given order.</summary>
    public TabularData Subset(ReadOnlySpan<int> rows)
    {
        var width = FeatureCount;
        var features = new float[rows.Length * width];
        var labels = new float[rows.Length];
        var weights = _weights is null ? null : new float[rows.Length];
        var groups = _groups is null ? null : new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            Row(row).CopyTo(features.AsSpan(i * width, width));
            labels[i] = _labels[row];
            weights?[i] = _weights![row];
            groups?[i] = _groups![row];
        }

        return new TabularData(_featureNames, features, labels, weights, groups);
    }

    /// <summary>
    /// The rows of <paramref name="first"/> followed by those of <paramref name="second"/>. Both must have the same
    /// columns. Weights are kept when either table has them (the other's rows weigh 1); group keys only when both
    /// tables have them.
    /// </summary>
    /// <exception cref="ArgumentException">The tables have different columns.</exception>
    public static TabularData Concatenate(TabularData first, TabularData second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first._featureNames.AsSpan().SequenceEqual(second._featureNames))
        {
            throw new ArgumentException("Tables with different feature columns cannot be concatenated.", nameof(second));
        }

        float[]? weights = null;
        if (first.HasWeights || second.HasWeights)
        {
            weights = new float[first.RowCount + second.RowCount];
            weights.AsSpan().Fill(1f);
            first.Weights.CopyTo(weights);
            second.Weights.CopyTo(weights.AsSpan(first.RowCount));
        }

        int[]? groups = first.HasGroups && second.HasGroups ? [.. first._groups!, .. second._groups!] : null;
        return new TabularData(first._featureNames, [.. first._features, .. second._features], [.. first._labels, .. second._labels], weights, groups);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the table's names, values, labels, weights and groups, for model metadata
    /// (which data a model was trained on).
    /// </summary>
    internal string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in _featureNames)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
        }

        hash.AppendData(MemoryMarshal.AsBytes(_features.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_labels.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_weights.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_groups.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Reads a comma-separated file with a header row. Every column other than the label (and the optional weight
    /// and group columns) is a feature. Empty cells, "NaN" and "NA" are missing values; labels may be 0/1 or
    /// true/false. Group keys are arbitrary strings, mapped to integers in order of first appearance.
    /// </summary>
    /// <exception cref="FormatException">A cell cannot be parsed; the message names the file, line and column.</exception>
    public static TabularData LoadCsv(string path, string labelColumn = "label", string? weightColumn = null, string? groupColumn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new FormatException($"'{path}' is empty; expected a header row.");
        var columns = header.Split(',');
        int Find(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            var index = Array.IndexOf(columns, name);
            return index >= 0 ? index : throw new FormatException($"'{path}' has no column named '{name}'.");
        }

        var labelIndex = Find(labelColumn);
        var weightIndex = Find(weightColumn);
        var groupIndex = Find(groupColumn);
        var featureColumns = new List<int>();
        var names = new List<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            if (c != labelIndex && c != weightIndex && c != groupIndex)
            {
                featureColumns.Add(c);
                names.Add(columns[c]);
            }
        }

        var features = new List<float>();
        var labels = new List<float>();
        var weights = weightIndex >= 0 ? new List<float>() : null;
        var groups = groupIndex >= 0 ? new List<int>() : null;
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new float[columns.Length];
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var span = text.AsSpan();
            var column = 0;
            foreach (var range in span.Split(','))
            {
                if (column >= columns.Length)
                {
                    throw new FormatException($"'{path}' line {line}: more than {columns.Length} cells.");
                }

                var cell = span[range].Trim();
                if (column == groupIndex)
                {
                    var key = cell.ToString();
                    if (!groupIds.TryGetValue(key, out var id))
                    {
                        id = groupIds.Count;
                        groupIds.Add(key, id);
                    }

                    groups!.Add(id);
                }
                else if (column == labelIndex)
                {
                    cells[column] = cell switch
                    {
                        "1" or "1.0" or "true" or "True" => 1f,
                        "0" or "0.0" or "false" or "False" => 0f,
                        _ => throw new FormatException($"'{path}' line {line}: label '{cell}' is not 0/1 or true/false."),
                    };
                }
                else
                {
                    cells[column] = ParseCell(cell, path, line, columns[column]);
                }

                column++;
            }

            if (column != columns.Length)
            {
                throw new FormatException($"'{path}' line {line}: {column} cells, expected {columns.Length}.");
            }

            labels.Add(cells[labelIndex]);
            weights?.Add(cells[weightIndex]);
            foreach (var c in featureColumns)
            {
                features.Add(cells[c]);
            }
        }

        try
        {
            return new TabularData(names, [.. features], [.. labels], weights?.ToArray(), groups?.ToArray());
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{path}': {e.Message}", e);
        }
    }

    private static float ParseCell(ReadOnlySpan<char> cell, string path, int line, string column)
    {
        if (cell.IsEmpty || cell is "NaN" or "nan" or "NA")
        {
            return float.NaN;
        }

        return float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new FormatException($"'{path}' line {line}, column '{column}': '{cell}' is not a finite number.");
    }
}
