namespace SpinDetect.Model;

/// <summary>
/// Everything a model file holds: metadata, the feature schema, one or more calibrated ensembles, and any extra
/// named sections later components store alongside (opaque bytes to this reader).
/// </summary>
internal sealed class ModelPackage
{
    /// <summary>Creates a package; ensemble and section names must be unique.</summary>
    internal ModelPackage(
        ModelMetadata metadata,
        FeatureSchema schema,
        IReadOnlyList<CalibratedEnsemble> ensembles,
        IReadOnlyDictionary<string, byte[]>? extraSections = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(ensembles);
        if (ensembles.Count == 0)
        {
            throw new ArgumentException("A model needs at least one ensemble.", nameof(ensembles));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ensemble in ensembles)
        {
            if (!names.Add(ensemble.Name))
            {
                throw new ArgumentException($"Ensemble name '{ensemble.Name}' appears twice.", nameof(ensembles));
            }

            if (ensemble.Ensemble.FeatureCount != schema.FeatureNames.Count)
            {
                throw new ArgumentException(
                    $"Ensemble '{ensemble.Name}' expects {ensemble.Ensemble.FeatureCount} features but the schema has {schema.FeatureNames.Count}.",
                    nameof(ensembles));
            }
        }

        Metadata = metadata;
        Schema = schema;
        Ensembles = ensembles;
        ExtraSections = extraSections ?? new Dictionary<string, byte[]>();
    }

    /// <summary>Descriptive facts.</summary>
    internal ModelMetadata Metadata { get; }

    /// <summary>The features every ensemble reads, in order.</summary>
    internal FeatureSchema Schema { get; }

    /// <summary>The ensembles, in file order.</summary>
    internal IReadOnlyList<CalibratedEnsemble> Ensembles { get; }

    /// <summary>Other named sections (not starting with a reserved name).</summary>
    internal IReadOnlyDictionary<string, byte[]> ExtraSections { get; }

    /// <summary>The ensemble with the given name.</summary>
    /// <exception cref="KeyNotFoundException">No ensemble has that name.</exception>
    internal CalibratedEnsemble GetEnsemble(string name)
    {
        foreach (var ensemble in Ensembles)
        {
            if (ensemble.Name == name)
            {
                return ensemble;
            }
        }

        throw new KeyNotFoundException($"The model has no ensemble named '{name}'.");
    }
}
