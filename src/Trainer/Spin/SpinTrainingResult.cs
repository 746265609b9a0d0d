using SpinDetect.Model;
using SpinDetect.Training.Boosting;
using SpinDetect.Training.Evaluation;

namespace SpinDetect.Training.Spin;

/// <summary>What <see cref="SpinModelTrainer"/> produced, with its validation figures.</summary>
internal sealed record SpinTrainingResult(
    BoostedTreeModel TokenModel,
    BoostedTreeModel? ContextModel,
    BoostedTreeModel DocumentModel,
    double Threshold,
    BinaryClassificationMetrics TokenValidation,
    BinaryClassificationMetrics? ContextValidation,
    BinaryClassificationMetrics DocumentValidation,
    int TokenRows,
    int DocumentRows,
    TimeSpan Elapsed,
    BoostedTreeModel? SuggestionModel = null,
    SuggestionValidation? SuggestionValidation = null)
{
    /// <summary>The runtime model, ready to score.</summary>
    public SpinModel ToSpinModel(SpinDetect.Features.SpinFeaturizer featurizer, ModelMetadata metadata) => new(
        featurizer,
        TokenModel.ToCalibratedEnsemble(SpinModel.TokenEnsembleName),
        DocumentModel.ToCalibratedEnsemble(SpinModel.DocumentEnsembleName),
        Threshold,
        metadata,
        ContextModel?.ToCalibratedEnsemble(SpinModel.ContextEnsembleName),
        SuggestionModel?.ToCalibratedEnsemble(SpinModel.SuggestionEnsembleName));

    /// <summary>The model file package.</summary>
    public ModelPackage ToPackage(ModelMetadata metadata) => SpinModel.Pack(
        TokenModel.ToCalibratedEnsemble(SpinModel.TokenEnsembleName),
        DocumentModel.ToCalibratedEnsemble(SpinModel.DocumentEnsembleName),
        Threshold,
        metadata,
        ContextModel?.ToCalibratedEnsemble(SpinModel.ContextEnsembleName),
        SuggestionModel?.ToCalibratedEnsemble(SpinModel.SuggestionEnsembleName));
}
