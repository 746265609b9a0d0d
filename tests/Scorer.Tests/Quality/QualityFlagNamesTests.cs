using SpinDetect.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class QualityFlagNamesTests
{
    [Fact]
    public void Every_flag_has_its_kebab_case_name()
    {
        Assert.Equal(
            ["boilerplate", "appended-unrelated", "mangled-urls", "garbled", "repeated-lines", "too-short", "not-english"],
            QualityFlagNames.Names((QualityFlags)0x7F));
        Assert.Empty(QualityFlagNames.Names(QualityFlags.None));
    }

    [Fact]
    public void Names_parse_back_to_flags_and_unknown_names_fail()
    {
        Assert.Equal(QualityFlags.Garbled | QualityFlags.TooShort, QualityFlagNames.Parse("too-short, garbled"));
        var error = Assert.Throws<FormatException>(() => QualityFlagNames.Parse("boilerplate,spam"));
        Assert.Contains("spam", error.Message, StringComparison.Ordinal);
    }
}
