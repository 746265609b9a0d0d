using SpinDetect.Quality;
using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

public sealed class TextManglerTests
{
    [Fact]
    public void Mojibake_reads_utf8_bytes_as_windows_1252_or_latin1()
    {
        Assert.Equal("itâ€™s cafÃ©", TextMangler.Mojibake("it’s café", latin1: false));
        Assert.Equal("cafÃ©", TextMangler.Mojibake("café", latin1: true));
        Assert.Equal("plain ascii", TextMangler.Mojibake("plain ascii", latin1: false));
    }

    [Fact]
    public void Typesetting_curls_quotes_and_dashes()
    {
        Assert.Equal("“It’s here”—now", TextMangler.Typeset("\"It's here\"--now"));
    }

    [Fact]
    public void Broken_addresses_are_detected_by_the_runtime_patterns()
    {
        var mangler = new TextMangler(new Random(2));
        for (var i = 0; i < 200; i++)
        {
            var line = mangler.MangledLine(i % 2 == 0, () => "A short post about the harbour");
            Assert.True(TextPatterns.CountMangledUrlSigns(line) >= 1, line);
        }
    }

    [Fact]
    public void Garbled_lines_have_no_letters()
    {
        var mangler = new TextMangler(new Random(4));
        for (var i = 0; i < 50; i++)
        {
            Assert.DoesNotContain(mangler.GarbledLine(), char.IsLetter);
        }
    }

    [Fact]
    public void Invented_language_has_almost_no_english_function_words()
    {
        var fake = new FakeLanguage(new Random(9));
        foreach (var heldOut in new[] { false, true })
        {
            var text = fake.Rewrite("The boats of the harbour wait for the tide and the wind to turn in their favour.", heldOut);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.'));
            Assert.True(words.Count(w => EnglishWords.IsStopWord(w)) <= 2, text);
        }
    }
}
