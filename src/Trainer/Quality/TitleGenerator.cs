using SpinDetect.Training.Corpus;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Makes the title (and sometimes a one-sentence standfirst) that opens a generated article, from the article's own
/// sentences: scraped articles usually start with their headline, which is article content and not page furniture.
/// The two sides of the split use different title styles: the training side cuts a headline from the opening
/// sentences, the held-out side from a sentence further in and with its own decorations, so the test measures
/// titles shaped differently from those the models learnt from.
/// </summary>
internal sealed class TitleGenerator
{
    private static readonly HashSet<string> TrailingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "that",
        "which", "who", "whom", "whose", "is", "was", "were", "are", "be", "been", "as", "than", "if", "so", "its",
        "their", "his", "her", "our", "my", "your", "this", "these", "those", "not", "has", "have", "had", "will",
        "would", "can", "could", "should", "may", "might", "must", "we", "they", "it", "he", "she", "i", "you",
    };

    private static readonly HashSet<string> WeakOpenings = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "so", "yet", "nor", "for", "it", "this", "that", "these", "those", "there", "here", "i",
        "we", "you", "he", "she", "they", "if", "then", "thus", "also", "however", "still", "now", "such", "what",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    private readonly Random _random;
    private readonly bool _heldOut;

    /// <summary>Creates a generator for one side of the split.</summary>
    /// <param name="random">The corruptor's random source.</param>
    /// <param name="heldOut">Whether the titles are for the held-out side.</param>
    public TitleGenerator(Random random, bool heldOut)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
        _heldOut = heldOut;
    }

    /// <summary>A headline for an article that starts with <paramref name="paragraphs"/>: 3–10 words of one of its
    /// sentences, without a final stop, in title or sentence case, sometimes with a markdown heading mark.</summary>
    public string Title(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var sentence = Sentence(paragraphs, _heldOut ? Math.Min(3, paragraphs.Count) : 1, _heldOut ? 3 : 2);
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '\u201C', '\u201D', '(', ')', '[', ']'))
            .Where(w => w.Length > 0)
            .ToList();

        // The held-out side sometimes starts after a comma (the main clause of "After the vote, the council …").
        var start = 0;
        if (_heldOut && _random.Next(2) == 0)
        {
            var comma = words.FindIndex(w => w.EndsWith(',') || w.EndsWith(';'));
            if (comma >= 0 && words.Count - comma - 1 >= 4)
            {
                start = comma + 1;
            }
        }

        var take = Math.Min(words.Count - start, _random.Next(_heldOut ? 5 : 4, _heldOut ? 12 : 11));
        var parts = words.GetRange(start, Math.Max(0, take));
        var clause = parts.FindIndex(w => w.EndsWith(',') || w.EndsWith(';') || w.EndsWith(':'));
        if (clause >= 2)
        {
            parts.RemoveRange(clause + 1, parts.Count - clause - 1);
        }

        for (var k = 0; k < parts.Count; k++)
        {
            parts[k] = parts[k].TrimEnd(',', ';', ':', '.', '!', '?');
        }

        parts.RemoveAll(w => w.Length == 0);

        // Headline style often drops the articles.
        if (_random.NextDouble() < (_heldOut ? 0.6 : 0.4))
        {
            var kept = parts.Where((w, k) => !Articles.Contains(w) || k == parts.Count - 1).ToList();
            if (kept.Count >= 3)
            {
                parts = kept;
            }
        }

        while (parts.Count > 3 && TrailingWords.Contains(parts[^1]))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            parts.Add("News");
        }

        var titleCase = _random.Next(_heldOut ? 3 : 2) == 0;
        for (var k = 0; k < parts.Count; k++)
        {
            if (k == 0 || (titleCase && (parts[k].Length > 3 || !TrailingWords.Contains(parts[k]))))
            {
                parts[k] = char.ToUpperInvariant(parts[k][0]) + parts[k][1..];
            }
        }

        var title = string.Join(' ', parts);
        if (_heldOut)
        {
            title = _random.Next(10) == 0 ? title + "?" : title;
        }
        else if (_random.Next(12) == 0)
        {
            title += "?";
        }

        return _random.Next(10) switch
        {
            < 3 => "# " + title,
            3 when _heldOut => "## " + title,
            _ => title,
        };
    }

    /// <summary>A standfirst: one sentence (8–35 words) from the opening paragraphs of the article that is not
    /// itself a whole paragraph (so it repeats no line), or null when there is none.</summary>
    /// <param name="piece">The paragraphs of the generated document.</param>
    public string? Standfirst(IReadOnlyList<string> piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var lines = new HashSet<string>(piece, StringComparer.Ordinal);
        var candidates = piece
            .Take(_heldOut ? 4 : 3)
            .SelectMany(SentenceSplitter.Split)
            .Select(s => s.Trim())
            .Where(s => !lines.Contains(s) && TextStatistics.CountWords(s) is >= 8 and <= 35)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var sentence = candidates[_random.Next(candidates.Count)];
        if (_random.Next(_heldOut ? 2 : 4) == 0)
        {
            sentence = sentence.TrimEnd('.');
        }

        return sentence;
    }

    /// <summary>A sentence from the first <paramref name="paragraphs"/> paragraphs, among their first
    /// <paramref name="sentences"/> sentences, preferring ones long enough to cut a headline from.</summary>
    private string Sentence(IReadOnlyList<string> text, int paragraphs, int sentences)
    {
        var candidates = text.Take(Math.Max(1, paragraphs))
            .SelectMany(p => SentenceSplitter.Split(p).Take(sentences))
            .ToList();
        var longer = candidates.Where(s => TextStatistics.CountWords(s) >= 6 && char.IsUpper(s[0])
            && !WeakOpenings.Contains(s[..Math.Max(1, s.IndexOf(' '))].TrimEnd(','))).ToList();
        var pool = longer.Count > 0 ? longer : candidates;
        return pool.Count == 0 ? text[0] : pool[_random.Next(pool.Count)];
    }
}
