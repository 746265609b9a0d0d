using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// Reduces an HTML page to the text a reader sees: scripts, styles, templates and hidden elements dropped, block
/// elements on their own lines, white space collapsed.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object", "button", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "nav", "aside", "main", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "hr",
        "title", "body",
    };

    /// <summary>Whether <paramref name="path"/> names an HTML file.</summary>
    public static bool IsHtmlPath(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The visible text of <paramref name="html"/>.</summary>
    public static string Extract(string html)
    {
        // A parser per call: AngleSharp does not promise that one parser may serve several threads.
        using var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(html.Length / 2);
        if (document.Title is { Length: > 0 } title)
        {
            text.Append(title.Trim()).Append("\n\n");
        }

        if (document.Body != null)
        {
            Append(document.Body, text);
        }

        return text.ToString().Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText leaf)
            {
                AppendCollapsed(leaf.Data, text);
            }
            else if (child is IElement element && !Invisible.Contains(element.LocalName) && !IsHidden(element))
            {
                var block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    LineBreak(text, element.LocalName is "br" or "li" or "tr" ? 1 : 2);
                }

                Append(element, text);
                if (block)
                {
                    LineBreak(text, element.LocalName is "li" or "tr" ? 1 : 2);
                }
            }
        }
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    private static void AppendCollapsed(string data, StringBuilder text)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && !char.IsWhiteSpace(text[^1]))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void LineBreak(StringBuilder text, int lines)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length == 0)
        {
            return;
        }

        var have = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\n'; i--)
        {
            have++;
        }

        for (; have < lines; have++)
        {
            text.Append('\n');
        }
    }
}
