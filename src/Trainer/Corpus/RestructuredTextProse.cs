using System.Text.RegularExpressions;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Extracts the prose paragraphs of a reStructuredText source (as Sphinx ships it in <c>_sources/*.rst.txt</c>):
/// headings, literal blocks ("::"), code and table directives, doctest lines and field lists are dropped;
/// inline markup (<c>:func:`sorted`</c>, <c>``None``</c>, <c>*key*</c>, <c>`text &lt;url&gt;`_</c>) is reduced to its text.
/// </summary>
internal static partial class RestructuredTextProse
{
    private static readonly HashSet<string> SkippedDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "code-block", "sourcecode", "code", "doctest", "testcode", "testoutput", "testsetup", "productionlist",
        "literalinclude", "highlight", "toctree", "image", "figure", "table", "csv-table", "list-table", "raw",
        "only", "index", "moduleauthor", "sectionauthor", "include", "audit-event", "opcode", "cmdoption",
        "envvar", "availability", "impl-detail", "grammar-snippet", "math",
    };

    /// <summary>The prose paragraphs of <paramref name="source"/>, unwrapped, in order.</summary>
    public static List<string> Extract(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var prose = new List<string>();
        var block = new List<string>();
        var skipIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var indent = line.Length - line.TrimStart().Length;
            if (skipIndent >= 0)
            {
                // Inside a skipped block until a non-blank line at or left of the block's own indentation.
                if (trimmed.Length == 0 || indent > skipIndent)
                {
                    continue;
                }

                skipIndent = -1;
            }

            if (trimmed.Length == 0)
            {
                Flush(block, prose);
                continue;
            }

            var directive = Directive().Match(trimmed);
            if (directive.Success)
            {
                Flush(block, prose);
                if (SkippedDirectives.Contains(directive.Groups[1].Value))
                {
                    skipIndent = indent;
                }

                continue;
            }

            if (trimmed.StartsWith("..", StringComparison.Ordinal) || IsUnderline(trimmed)
                || (i + 1 < lines.Length && IsUnderline(lines[i + 1].Trim()) && lines[i + 1].Trim().Length >= trimmed.Length - 1)
                || trimmed.StartsWith(">>>", StringComparison.Ordinal) || FieldList().IsMatch(trimmed))
            {
                Flush(block, prose);
                if (trimmed.StartsWith("..", StringComparison.Ordinal))
                {
                    skipIndent = indent; // comments and targets may run on indented lines
                }

                continue;
            }

            // A new list item starts a new paragraph.
            if (trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush(block, prose);
                trimmed = trimmed[2..];
            }

            block.Add(trimmed);
            if (trimmed.EndsWith("::", StringComparison.Ordinal))
            {
                // "Example::" introduces a literal block: keep the sentence ("Example:"), drop the block.
                block[^1] = trimmed.Length > 2 && trimmed[^3] == ' ' ? trimmed[..^3] + ":" : trimmed[..^1];
                Flush(block, prose);
                skipIndent = indent;
            }
        }

        Flush(block, prose);
        return prose;
    }

    private static void Flush(List<string> block, List<string> prose)
    {
        if (block.Count == 0)
        {
            return;
        }

        var paragraph = StripInline(TextStatistics.Unwrap(string.Join(' ', block)));
        block.Clear();
        if (ProseFilter.IsProse(paragraph))
        {
            prose.Add(paragraph);
        }
    }

    /// <summary>Reduces inline markup to its visible text.</summary>
    public static string StripInline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = RoleWithTitle().Replace(text, "$1");
        text = Role().Replace(text, m => m.Groups[1].Value.TrimStart('~', '!'));
        text = Literal().Replace(text, "$1");
        text = Strong().Replace(text, "$1");
        text = Emphasis().Replace(text, "$1");
        text = Reference().Replace(text, "$1");
        // "\ " joins markup to a word; "\*" escapes a character.
        return Escape().Replace(text.Replace("\\ ", string.Empty, StringComparison.Ordinal), "$1");
    }

    private static bool IsUnderline(string trimmed)
    {
        if (trimmed.Length < 3)
        {
            return false;
        }

        var c = trimmed[0];
        if (c is not ('=' or '-' or '*' or '~' or '^' or '#' or '+' or '"'))
        {
            return false;
        }

        foreach (var d in trimmed)
        {
            if (d != c)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\\(\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\.\.\s+([A-Za-z][\w:-]*)::", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^:[\w -]+:(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FieldList();

    [GeneratedRegex(@":[\w:+-]+:`([^`<]+?)\s*<[^`>]*>`", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWithTitle();

    [GeneratedRegex(@":[\w:+-]+:`([^`]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    [GeneratedRegex(@"``([^`]+)``", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex(@"\*\*([^*]+)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`([^`<]+?)(?:\s*<[^`>]*>)?`__?", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
