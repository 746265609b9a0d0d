using SpinDetect.Quality;
using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityEvaluationTests
{
    [Fact]
    public void False_appended_flags_are_counted_by_the_register_of_the_article()
    {
        var evaluation = new QualityEvaluation { Documents = 5 };
        evaluation.CountFlags(QualityFlags.None, QualityFlags.AppendedUnrelated, "clean", "brown/learned");
        evaluation.CountFlags(QualityFlags.None, QualityFlags.None, "clean", "brown/learned");
        evaluation.CountFlags(QualityFlags.Boilerplate, QualityFlags.None, "boilerplate", "brown/learned");
        evaluation.CountFlags(QualityFlags.AppendedUnrelated, QualityFlags.AppendedUnrelated, "unrelated-paragraphs", "sotu/speech");
        evaluation.CountFlags(QualityFlags.AppendedUnrelated, QualityFlags.None, "unrelated-headlines", "sotu/speech");

        var report = evaluation.ToMarkdown();

        // learned: 3 documents, all without foreign content, 1 falsely flagged; 2 clean, 1 of them flagged.
        Assert.Contains("| brown/learned | 3 | 3 | 1 | 0.3333 | 0 | 0.000 | 2 | 1 |", report, StringComparison.Ordinal);
        Assert.Contains("| sotu/speech | 2 | 0 | 0 | 0.0000 | 2 | 0.500 | 0 | 0 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Appended_prose_recall_is_counted_by_the_source_it_was_cut_from()
    {
        var evaluation = new QualityEvaluation { Documents = 3 };
        evaluation.CountFlags(QualityFlags.AppendedUnrelated, QualityFlags.AppendedUnrelated, "unrelated-paragraphs from:austen/literary", "sotu/speech");
        evaluation.CountFlags(QualityFlags.AppendedUnrelated, QualityFlags.None, "unrelated-paragraphs-inserted from:austen/literary", "sotu/speech");
        evaluation.CountFlags(QualityFlags.AppendedUnrelated, QualityFlags.AppendedUnrelated, "unrelated-headlines", "sotu/speech");

        var report = evaluation.ToMarkdown();

        Assert.Contains("| austen/literary | 2 | 1 | 0.500 |", report, StringComparison.Ordinal);
        Assert.Contains("| unrelated-paragraphs-inserted | 1 | 0 | 0.000 |", report, StringComparison.Ordinal);
    }
}
