using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class PythonDocsReaderTests
{
    // 72 words of prose written for the test; a page needs three to pass the 150-word cut.
    private static string Filler(string topic) =>
        string.Join(" ", Enumerable.Range(0, 6).Select(i => $"The {topic} section explains step {i} of the work in plain words.")) + "\n\n";

    private const string Shared = "A quoted paragraph that two pages of the manual both hold word for word.";

    [Fact]
    public void A_paragraph_already_read_on_an_earlier_page_is_left_out_of_later_pages()
    {
        var folder = Directory.CreateTempSubdirectory("spindetect-pydoc-").FullName;
        try
        {
            var index = "Shared paragraph on a short index page that is too short to keep.\n\n" + Shared.ToUpperInvariant() + "\n";
            File.WriteAllText(Path.Combine(folder, "a-index.rst.txt"), index);
            File.WriteAllText(Path.Combine(folder, "b-library.rst.txt"), Filler("library") + Filler("module") + Filler("library") + Shared + "\n");
            Directory.CreateDirectory(Path.Combine(folder, "whatsnew"));
            File.WriteAllText(Path.Combine(folder, "whatsnew", "c-news.rst.txt"), Filler("release") + Filler("change") + Filler("news") + "A   quoted paragraph that two pages\nof the manual both hold word for word.\n");

            var pages = PythonDocsReader.ReadDirectory(folder).ToList();

            Assert.Equal(["python-doc/b-library", "python-doc/whatsnew/c-news"], pages.Select(p => p.Id));
            // The index page is too short to keep, so it claims nothing; the library page keeps the paragraph once
            // (its repeated filler paragraph too); the news page loses it though spaced and wrapped otherwise.
            Assert.Equal(1, Count(pages[0].Text, Shared));
            Assert.Equal(1, Count(pages[0].Text, "The library section explains step 0"));
            Assert.DoesNotContain("quoted paragraph", pages[1].Text, StringComparison.Ordinal);
            Assert.Equal("technical-news", pages[1].Register);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
