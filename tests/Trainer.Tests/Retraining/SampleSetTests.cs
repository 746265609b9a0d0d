using SpinDetect.Training.Retraining;

namespace SpinDetect.Tests.Retraining;

public sealed class SampleSetTests : IDisposable
{
    private readonly RetrainFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Duplicates_within_a_file_across_files_and_against_the_base_corpus_are_errors_with_both_places()
    {
        var baseText = _fixture.BaseCorpus[0].Text;
        var first = _fixture.Write("one.csv", "text,label\nalpha text,1\nAlpha   TEXT ,1\n\"" + baseText + "\",0\n");
        var second = _fixture.Write("two.csv", "text,label\nbeta,0\nalpha text,0\n");

        var error = Assert.Throws<SampleValidationException>(() => SampleSet.Load([first, second], _fixture.BaseCorpus, new RetrainOptions { MinimumSamplesPerClass = 3 }));

        Assert.Contains(error.Problems, p => p.File == first && p.Line == 3 && p.Message == "duplicate of line 2");
        Assert.Contains(error.Problems, p => p.File == first && p.Line == 4 && p.Message == $"same text as base corpus row '{_fixture.BaseCorpus[0].Id}'");
        Assert.Contains(error.Problems, p => p.File == second && p.Line == 3 && p.Message == $"duplicate of {first}:2");
    }

    [Fact]
    public void Too_few_samples_of_a_class_is_an_error_listing_their_lines()
    {
        var csv = _fixture.Write("few.csv", "text,label\na,1\nb,0\nc,0\nd,0\ne,1\n");

        var error = Assert.Throws<SampleValidationException>(() => SampleSet.Load([csv], _fixture.BaseCorpus, new RetrainOptions { MinimumSamplesPerClass = 3 }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("only 2 valid 'spun' sample(s) (lines 2, 6); at least 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_in_fewer_than_three_groups_cannot_be_held_out_and_is_an_error()
    {
        var csv = _fixture.Write("groups.csv", "text,label,group\na,1,x\nb,1,x\nc,1,y\nd,0,\ne,0,\nf,0,\n");

        var error = Assert.Throws<SampleValidationException>(() => SampleSet.Load([csv], _fixture.BaseCorpus, new RetrainOptions { MinimumSamplesPerClass = 3 }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("the 3 'spun' samples form only 2 group(s) ('x', 'y')", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_every_file_is_listed_in_file_and_line_order()
    {
        var first = _fixture.Write("one.csv", "text,label\na,1\n,1\nb,x\nc,0\n");
        var second = _fixture.Write("two.csv", "label\n1\n");

        var error = Assert.Throws<SampleValidationException>(() => SampleSet.Load([first, second], _fixture.BaseCorpus, new RetrainOptions()));

        Assert.Equal(
            [(first, 2), (first, 3), (first, 4), (second, 1)],
            error.Problems.Select(p => (p.File, p.Line)).Take(3).Append((error.Problems[^1].File, error.Problems[^1].Line)));
        Assert.Contains(error.Problems, p => p.Message.Contains("'clean'", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_samples_load_with_normalised_duplicates_detection_only()
    {
        var csv = _fixture.Write("ok.csv", SyntheticCorpus.SampleCsv(12, seed: 1));

        var samples = SampleSet.Load([csv], _fixture.BaseCorpus, new RetrainOptions());

        Assert.Equal(12, samples.Count);
        Assert.Equal(6, samples.Count(s => s.Spun));
    }
}
