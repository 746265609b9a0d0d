using FsCheck;
using FsCheck.Fluent;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Spinning;

public sealed class SpinnerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "big", "Big", "bag", "employees", "signed", "result", "shortly after", "Shortly after", " ", "  ", "\n", "\n\n", ".", ",",
        "-", "'", "\"", "2024", "3.5%", "https://example.com/a", "x@y.org", "@handle", "#tag", "Zürich", "naïve", "東京", "😀",
        "\u0301", "\t", "city's", "big-city", "BIG", "e.g.", "(", ")", "…", "—", "take", "took", "leaves", "happy", "Москва",
    ];

    [Fact]
    public void Spinning_random_text_never_throws_and_the_log_always_replays()
    {
        var pieceIndex = Gen.Choose(0, Pieces.Length - 1);
        var randomChar = Gen.Choose(0, 0x2FFF).Select(c => ((char)c).ToString());
        var part = Gen.OneOf(pieceIndex.Select(i => Pieces[i]), randomChar);
        var text = Gen.ListOf(part).Select(parts => string.Concat(parts));
        var settings = Gen.Choose(0, 1000);

        Prop.ForAll(text.ToArbitrary(), settings.ToArbitrary(), (input, n) =>
        {
            var options = new SpinOptions
            {
                Style = (SpinStyle)(n % 4),
                Rate = n % 101 / 100.0,
                EveryNth = 1 + (n % 7),
                Choice = n % 2 == 0 ? SynonymChoice.CommonOnly : SynonymChoice.Uniform,
                SubsetSalt = n % 3 == 0 ? (ulong)n : null,
                Seed = n,
            };
            var result = SpinnerFixtures.Spinner.Spin(input, options);
            return SubstitutionLog.Apply(input, result.Substitutions) == result.Text
                && result.Rate is >= 0 and <= 1.0001
                && (input.Trim().Length == 0 || result.Text.Trim().Length > 0);
        }).QuickCheckThrowOnFailure();
    }
}
