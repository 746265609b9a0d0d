using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests.Scoring;

public sealed class HtmlTextTests
{
    [Fact]
    public void Visible_text_keeps_paragraphs_and_drops_scripts_styles_and_hidden_elements()
    {
        const string html = """
            <!doctype html><html><head><title>Budget  news</title><style>p { color: red }</style></head>
            <body><nav hidden>Menu Home</nav><h1>Library roof</h1>
            <p>The council   met on <b>Tuesday</b>.</p><script>var x = "purse";</script>
            <div style="display: none">Advertisement</div><p aria-hidden="true">icon</p>
            <ul><li>First point</li><li>Second point</li></ul><p>Last&nbsp;line &amp; end.</p></body></html>
            """;

        Assert.Equal(
            "Budget news\n\nLibrary roof\n\nThe council met on Tuesday.\n\nFirst point\nSecond point\n\nLast line & end.",
            HtmlText.Extract(html));
    }

    [Theory]
    [InlineData("a.html", true)]
    [InlineData("b.HTM", true)]
    [InlineData("c.txt", false)]
    [InlineData("html", false)]
    public void Html_files_are_recognised_by_extension(string path, bool expected) => Assert.Equal(expected, HtmlText.IsHtmlPath(path));
}
