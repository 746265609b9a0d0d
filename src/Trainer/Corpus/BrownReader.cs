using System.Text;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Reads the tagged Brown corpus (<c>brown/package/ca01</c> … with <c>cats.txt</c> naming each file's genre):
/// tags are removed and the tokens detokenised into ordinary text ("`` no evidence ''" → "\"no evidence\"",
/// no space before punctuation or "n't"), keeping the capitalisation as given and the paragraphs.
/// </summary>
internal static class BrownReader
{
    /// <summary>Reads every file listed in <c>cats.txt</c> under <paramref name="directory"/>, in listed order.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory is missing.</exception>
    /// <exception cref="InvalidDataException">cats.txt is malformed (message names the line).</exception>
    public static IEnumerable<SourceDocument> ReadDirectory(string directory)
    {
        var cats = Path.Combine(directory, "cats.txt");
        if (!File.Exists(cats))
        {
            throw new DirectoryNotFoundException($"Brown corpus index '{cats}' is missing; run data/fetch.sh.");
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(cats))
        {
            lineNumber++;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length != 2)
            {
                throw new InvalidDataException($"{cats}, line {lineNumber}: expected 'fileid genre'.");
            }

            var text = Detokenize(File.ReadAllText(Path.Combine(directory, fields[0])));
            yield return new SourceDocument("brown/" + fields[0], "brown", fields[1], "brown/" + fields[0], text);
        }
    }

    /// <summary>Turns one tagged Brown file into plain text with paragraphs separated by blank lines.</summary>
    public static string Detokenize(string tagged)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        var paragraphs = new List<string>();
        var builder = new StringBuilder();
        foreach (var rawLine in tagged.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            // Each sentence is one line; a paragraph starts with a tab after a blank line.
            if (rawLine.Length > 0 && rawLine[0] == '\t' && builder.Length > 0)
            {
                paragraphs.Add(builder.ToString());
                builder.Clear();
            }

            AppendTokens(rawLine, builder);
        }

        if (builder.Length > 0)
        {
            paragraphs.Add(builder.ToString());
        }

        return string.Join("\n\n", paragraphs);
    }

    private static void AppendTokens(string line, StringBuilder builder)
    {
        var noSpaceNext = builder.Length == 0;
        foreach (var tagged in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = tagged.LastIndexOf('/');
            var word = slash > 0 ? tagged[..slash] : tagged;
            var (text, attachLeft, attachRight) = word switch
            {
                "``" => ("\"", false, true),
                "''" => ("\"", true, false),
                "`" => ("'", false, true),
                "'" => ("'", true, false),
                "(" or "[" => (word, false, true),
                ")" or "]" or "," or "." or ";" or ":" or "?" or "!" or "..." => (word, true, false),
                _ when word.StartsWith('\'') || word.Equals("n't", StringComparison.OrdinalIgnoreCase) => (word, true, false),
                _ => (word, false, false),
            };

            if (builder.Length > 0 && !noSpaceNext && !attachLeft)
            {
                builder.Append(' ');
            }

            builder.Append(text);
            noSpaceNext = attachRight;
        }
    }
}
