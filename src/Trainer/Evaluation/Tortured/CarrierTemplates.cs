namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// The carrier sentences, written for this project: neutral scientific prose with the phrase at the start, in
/// the middle or at the end, after verbs, prepositions and nouns of different kinds.
/// </summary>
internal static class CarrierTemplates
{
    /// <summary>All templates, in a fixed order (the selection by seed depends on it).</summary>
    public static IReadOnlyList<CarrierTemplate> All { get; } =
    [
        // Phrase first.
        new("{P} received particular attention in the second round of experiments."),
        new("{P} featured prominently in the discussion that followed the pilot study."),
        new("{P} had been examined by several earlier groups, though with smaller samples."),
        new("{P} remained central to the analysis throughout the revised protocol."),
        new("{P} formed the starting point for the comparison reported below."),
        new("{P} appeared in nearly every data set collected during the survey period."),

        // Phrase in the middle.
        new("In this work we revisit {P} and its role in the proposed framework."),
        new("The second section reviews {P} as applied in recent studies."),
        new("Our results suggest that {P} can be assessed with modest computational effort."),
        new("Earlier reports on {P} relied mostly on small, single-site cohorts."),
        new("To keep the comparison fair, {P} was evaluated under identical conditions for every method."),
        new("We describe how {P} interacts with the remaining parts of the system."),
        new("A short overview of {P} is given before the experimental details are presented."),
        new("Several reviewers asked how {P} affects the reliability of the final estimates."),
        new("The influence of {P} on the outcome was small but consistent across the trials."),
        new("Unlike previous approaches, the present design treats {P} as a separate stage."),
        new("Measurements related to {P} were gathered by three independent laboratories over two years."),
        new("Following common practice, we report {P} separately for each subgroup."),

        // Phrase last.
        new("The remainder of this article is devoted to {P}."),
        new("Future work will extend the present analysis to {P}."),
        new("The main limitation of the study concerns {P}."),
        new("Most of the measurement error could be traced back to {P}."),
        new("The proposed model was compared with existing methods in terms of {P}."),
        new("These findings have practical consequences for {P}."),
    ];
}
