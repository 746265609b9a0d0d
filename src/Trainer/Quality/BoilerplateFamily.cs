namespace SpinDetect.Training.Quality;

/// <summary>One family of boilerplate templates.</summary>
/// <param name="Name">Family name ("ads-a").</param>
/// <param name="Placement">Where its lines usually go.</param>
/// <param name="HeldOut">Whether the family belongs to the held-out test side.</param>
/// <param name="Patterns">Templates with slots in braces.</param>
/// <param name="ForTuning">Whether the (training-side) family is kept from the line models' documents and used only
/// in the documents the document models and the flag thresholds are fitted on, as wording the line models never saw.</param>
internal sealed record BoilerplateFamily(string Name, BoilerplatePlacement Placement, bool HeldOut, string[] Patterns, bool ForTuning = false);
