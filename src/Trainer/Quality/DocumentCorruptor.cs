using System.Text;
using SpinDetect.Quality;
using SpinDetect.Training.Corpus;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Turns clean articles into labelled scraped-looking documents: picks a piece of an article, lays it out (one
/// paragraph per line with or without blank lines, or wrapped), then applies random corruptions from one side of
/// the split (its boilerplate families, foreign sources, address styles and invented language) and records the
/// ground truth of every line and the flags the document should get.
/// </summary>
internal sealed class DocumentCorruptor
{
    private static readonly string[] TrainingBlockHeaders =
        ["More news", "Trending", "Most Read", "Latest", "MORE NEWS", "Latest News", "Most popular", "Top Headlines"];

    private static readonly string[] HeldOutBlockHeaders =
        ["In other news", "Top stories", "What to read next", "Popular now", "Elsewhere", "Around the web", "Further reading"];

    private readonly Random _random;

    /// <summary>Draws only the gluing decisions, so that gluing leaves every other draw, and so the documents
    /// generated for a seed, as they were without it.</summary>
    private readonly Random _glueRandom;

    /// <summary>Draws only the choice and making of on-topic related-story headlines (see <see cref="LinkHeadline"/>).</summary>
    private readonly Random _linkRandom;

    /// <summary>The side's articles by group.</summary>
    private readonly Dictionary<string, QualityDocument[]> _groups;
    private readonly QualitySide _side;
    private readonly CorruptionOptions _options;
    private readonly BoilerplateGenerator _boilerplate;
    private readonly TextMangler _mangler;
    private readonly FakeLanguage _fake;
    private readonly TitleGenerator _titles;
    private readonly List<List<QualityDocument>>[]? _foreignPools;
    private string _currentGroup = "";

    public DocumentCorruptor(QualitySide side, CorruptionOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(options);
        if (side.Articles.Count == 0 || side.Foreign.Count < 2)
        {
            throw new ArgumentException("The side needs articles and at least two foreign documents.", nameof(side));
        }

        _random = new Random(seed);
        _glueRandom = new Random(unchecked(seed * 31) + 17);
        _side = side;
        _options = options;
        _linkRandom = new Random(unchecked(seed * 37) + 29);
        _groups = side.Articles.GroupBy(a => a.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _boilerplate = new BoilerplateGenerator(_random, side.HeldOut, LinkHeadline, options.TuningBoilerplate && !side.HeldOut, options.TuningPatternParity);
        _mangler = new TextMangler(_random);
        _fake = new FakeLanguage(_random);
        _titles = new TitleGenerator(_random, side.HeldOut);
        if (!side.HeldOut && options.BalanceForeignSources)
        {
            _foreignPools = ForeignPools(side.Foreign);
        }
    }

    /// <summary>
    /// The training side's foreign documents by corpus (the part of the group before '/') and, within a corpus, by
    /// kind (for Brown, the category letters of the file name), so that a small corpus of another register (a manual)
    /// is drawn as often as the large corpus of speeches.
    /// </summary>
    private static List<List<QualityDocument>>[] ForeignPools(IReadOnlyList<QualityDocument> foreign)
    {
        static string Corpus(string group)
        {
            var slash = group.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? group : group[..slash];
        }

        static string Kind(string group)
        {
            var slash = group.IndexOf('/', StringComparison.Ordinal);
            return slash >= 0 && group.StartsWith("brown/", StringComparison.Ordinal) && group.Length >= slash + 3
                ? group[..(slash + 3)]
                : Corpus(group);
        }

        return [.. foreign
            .GroupBy(d => Corpus(d.Group), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(corpus => corpus
                .GroupBy(d => Kind(d.Group), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(kind => kind.ToList())
                .ToList())];
    }

    /// <summary>Generates one labelled document from a random article of the side.</summary>
    public LabeledDocument Next()
    {
        var article = _side.Articles[_random.Next(_side.Articles.Count)];
        return Corrupt(article) with { Register = article.Register };
    }

    private LabeledDocument Corrupt(QualityDocument article)
    {
        _currentGroup = article.Group;
        var paragraphs = Piece(article);
        var units = new List<Unit>();
        var recipe = new StringBuilder();
        var expected = QualityFlags.None;
        var layout = _random.Next(10) switch
        {
            < 5 => Layout.Blank,
            < 7 => Layout.Dense,
            _ => Layout.Wrapped,
        };
        var clean = _random.NextDouble() < _options.Clean;

        if (!clean && _random.NextDouble() < _options.NotEnglish)
        {
            paragraphs = [.. paragraphs.Select(p => _fake.Rewrite(p, _side.HeldOut))];
            AddParagraphs(units, paragraphs, layout);
            return Render(units, QualityFlags.NotEnglish, "not-english", layout);
        }

        var tooShort = false;
        if (!clean && _random.NextDouble() < _options.TooShort)
        {
            paragraphs = [Truncate(paragraphs[0], _random.Next(8, 45))];
            expected |= QualityFlags.TooShort;
            recipe.Append("too-short ");
            tooShort = true;
        }

        AddParagraphs(units, paragraphs, layout);
        if (_random.NextDouble() < _options.Titled && AddTitle(units, paragraphs, layout, tooShort))
        {
            recipe.Append("titled ");
        }

        if (clean)
        {
            return Render(units, QualityFlags.None, recipe.Append("clean").ToString(), layout);
        }

        var applied = false;
        while (!applied)
        {
            if (_random.NextDouble() < _options.Repeated && Repeat(units))
            {
                expected |= QualityFlags.RepeatedLines;
                recipe.Append("repeated ");
                applied = true;
            }

            if (_random.NextDouble() < _options.Unrelated)
            {
                recipe.Append(AddUnrelated(units, layout)).Append(' ');
                expected |= QualityFlags.AppendedUnrelated;
                applied = true;
            }

            if (_random.NextDouble() < _options.Boilerplate)
            {
                AddBoilerplate(units, layout);
                expected |= QualityFlags.Boilerplate;
                recipe.Append("boilerplate ");
                applied = true;
            }

            if (_random.NextDouble() < _options.InlineHeadlines)
            {
                for (var k = _random.Next(1, 3); k > 0; k--)
                {
                    InsertBetween(units, new Unit(Headline(), LineKind.Boilerplate, layout != Layout.Dense), layout, afterBody: true);
                }

                expected |= QualityFlags.Boilerplate;
                recipe.Append("inline-headlines ");
                applied = true;
            }

            if (_random.NextDouble() < _options.Mangled)
            {
                for (var k = _random.Next(1, 3); k > 0; k--)
                {
                    InsertBetween(units, new Unit(_mangler.MangledLine(_side.HeldOut, () => Headline()), LineKind.Mangled, layout != Layout.Dense), layout, afterBody: true);
                }

                expected |= QualityFlags.MangledUrls;
                recipe.Append("mangled ");
                applied = true;
            }

            if (_random.NextDouble() < _options.Garbled)
            {
                InsertBetween(units, new Unit(_mangler.GarbledLine(), LineKind.Garbled, layout != Layout.Dense), layout);
                expected |= QualityFlags.Garbled;
                recipe.Append("garbled-line ");
                applied = true;
            }

            if (_random.NextDouble() < _options.Mojibake)
            {
                var whole = _random.Next(2) == 0;
                var latin1 = _random.Next(4) == 0;
                for (var k = 0; k < units.Count; k++)
                {
                    if (whole || _random.Next(3) == 0)
                    {
                        units[k] = units[k] with { Text = TextMangler.Mojibake(TextMangler.Typeset(units[k].Text), latin1) };
                    }
                }

                recipe.Append("mojibake ");
                applied = true;
            }
        }

        if (Glue(units))
        {
            recipe.Append("glued ");
        }

        var document = Render(units, expected, recipe.ToString().TrimEnd(), layout);
        if (TextPatterns.CountMojibake(document.Text) >= 2)
        {
            document = document with { Expected = document.Expected | QualityFlags.Garbled };
        }

        return document;
    }

    private string[] Piece(QualityDocument article)
    {
        var target = _random.Next(_options.MinimumArticleWords, _options.MaximumArticleWords + 1);
        var start = _random.Next(article.Paragraphs.Length);
        var result = new List<string>();
        var words = 0;
        for (var k = start; k < article.Paragraphs.Length && words < target; k++)
        {
            result.Add(article.Paragraphs[k]);
            words += TextStatistics.CountWords(article.Paragraphs[k]);
        }

        for (var k = start - 1; k >= 0 && words < target; k--)
        {
            result.Insert(0, article.Paragraphs[k]);
            words += TextStatistics.CountWords(article.Paragraphs[k]);
        }

        return [.. result];
    }

    /// <summary>Puts a title (and sometimes a standfirst) made from the article before its paragraphs, labelled as
    /// article text; returns whether it did (a too-short document keeps below the word limit).</summary>
    private bool AddTitle(List<Unit> units, string[] paragraphs, Layout layout, bool tooShort)
    {
        var title = _titles.Title(paragraphs);
        var standfirst = !tooShort && _random.NextDouble() < _options.Standfirst ? _titles.Standfirst(paragraphs) : null;
        if (tooShort && TextStatistics.CountWords(title) + paragraphs.Sum(p => TextStatistics.CountWords(p)) >= 48)
        {
            return false;
        }

        var head = new List<Unit> { new(title, LineKind.Article, false, Title: true) };
        if (standfirst is not null)
        {
            head.Add(new Unit(standfirst, LineKind.Article, layout != Layout.Dense || _random.Next(3) == 0, Title: true));
        }

        units.InsertRange(0, head);
        if (units.Count > head.Count && layout == Layout.Dense && _random.Next(3) == 0)
        {
            units[head.Count] = units[head.Count] with { BlankBefore = true };
        }

        return true;
    }

    /// <summary>Index of the first unit after the title block (0 without a title).</summary>
    private static int TitleEnd(List<Unit> units) => units.FindLastIndex(u => u.Title) + 1;

    private static string Truncate(string paragraph, int words)
    {
        var parts = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', parts.Take(words)).TrimEnd(',', ';', ':');
        return text.EndsWith('.') ? text : text + ".";
    }

    private void AddParagraphs(List<Unit> units, IEnumerable<string> paragraphs, Layout layout, LineKind kind = LineKind.Article)
    {
        var width = _random.Next(60, 95);
        foreach (var paragraph in paragraphs)
        {
            if (layout != Layout.Wrapped)
            {
                units.Add(new Unit(paragraph, kind, layout == Layout.Blank));
                continue;
            }

            var first = true;
            foreach (var line in Wrap(paragraph, width))
            {
                units.Add(new Unit(line, kind, first));
                first = false;
            }
        }
    }

    private static IEnumerable<string> Wrap(string paragraph, int width)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private bool Repeat(List<Unit> units)
    {
        var candidates = Enumerable.Range(0, units.Count)
            .Where(k => units[k].Kind == LineKind.Article && !units[k].Title && TextStatistics.CountWords(units[k].Text) >= 6)
            .ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        for (var k = _random.Next(1, 3); k > 0; k--)
        {
            var source = candidates[_random.Next(candidates.Count)];
            var at = _random.Next(2) == 0 ? source + 1 : _random.Next(source + 1, units.Count + 1);
            units.Insert(at, units[source] with { Kind = LineKind.Repeated, BlankBefore = true });
        }

        return true;
    }

    private void AddBoilerplate(List<Unit> units, Layout layout)
    {
        var blank = layout != Layout.Dense;
        var top = _random.Next(3);
        var between = _random.Next(4);
        var bottom = _random.Next(4);
        if (top + between + bottom == 0)
        {
            between = 1;
        }

        // Above a title (site navigation) or between it and the article (bylines, dates).
        var titleEnd = TitleEnd(units);
        var topAt = titleEnd > 0 && _random.Next(3) != 0 ? titleEnd : 0;
        for (var k = 0; k < top; k++)
        {
            units.Insert(topAt, new Unit(_boilerplate.Line(BoilerplatePlacement.Top), LineKind.Boilerplate, blank));
        }

        // Scraped pages often lose the blank line between a paragraph and the furniture next to it ("…section.\nRead
        // more: …"); in a document laid out with blank lines, some of these lines are glued to the paragraph above or
        // below (marked here, glued by Glue once every corruption is in place). Never next to the title block, so a short
        // line sharing a paragraph with a title is not taught as junk.
        var glue = layout == Layout.Blank && _glueRandom.NextDouble() < _options.Glued;
        for (var k = 0; k < between; k++)
        {
            InsertBetween(units, new Unit(_boilerplate.Line(BoilerplatePlacement.Between), LineKind.Boilerplate, blank, Glued: glue && _glueRandom.Next(3) != 0), layout);
        }

        for (var k = 0; k < bottom; k++)
        {
            units.Add(new Unit(_boilerplate.Line(BoilerplatePlacement.Bottom), LineKind.Boilerplate, blank && (k == 0 || _random.Next(2) == 0),
                Glued: k == 0 && glue && _glueRandom.Next(3) == 0));
        }
    }

    /// <summary>Takes away the blank line between each boilerplate unit marked <see cref="Unit.Glued"/> and the
    /// article paragraph above it (or, at random or when there is none, below it), if that neighbour is body text;
    /// the mark is cleared where neither neighbour is, so it records exactly the lines that end up glued. Returns
    /// whether any line was glued.</summary>
    private bool Glue(List<Unit> units)
    {
        var any = false;
        static bool Body(Unit unit) => unit.Kind == LineKind.Article && !unit.Title;

        for (var at = 0; at < units.Count; at++)
        {
            if (!units[at].Glued)
            {
                continue;
            }

            var above = at > 0 && Body(units[at - 1]);
            var below = at + 1 < units.Count && Body(units[at + 1]) && units[at + 1].BlankBefore;
            if (above && (!below || _glueRandom.Next(2) == 0))
            {
                units[at] = units[at] with { BlankBefore = false };
            }
            else if (below)
            {
                units[at + 1] = units[at + 1] with { BlankBefore = false };
            }
            else
            {
                units[at] = units[at] with { Glued = false };
                continue;
            }

            any = true;
        }

        return any;
    }

    private void InsertBetween(List<Unit> units, Unit unit, Layout layout, bool afterBody = false)
    {
        // Between paragraphs: before a unit that starts one (every unit in the unwrapped layouts); never inside the
        // title block, and with afterBody (inline headlines, broken links) only after the first paragraph.
        var first = Math.Max(1, TitleEnd(units) + (afterBody ? 1 : 0));
        var starts = Enumerable.Range(first, Math.Max(0, units.Count - first))
            .Where(k => layout != Layout.Wrapped || units[k].BlankBefore)
            .ToList();
        var at = starts.Count == 0 ? units.Count : starts[_random.Next(starts.Count)];
        units.Insert(at, unit);
        if (at < units.Count - 1 && layout != Layout.Dense)
        {
            units[at + 1] = units[at + 1] with { BlankBefore = true };
        }
    }

    /// <summary>Appends or inserts a block of foreign content; returns its recipe name (for prose paragraphs followed by
    /// "from:" and the corpus and register they were cut from).</summary>
    private string AddUnrelated(List<Unit> units, Layout layout)
    {
        var block = new List<Unit>();
        var blank = layout != Layout.Dense;
        var headers = _side.HeldOut ? HeldOutBlockHeaders : TrainingBlockHeaders;
        var form = _random.Next(3);
        var source = "";
        if (_random.Next(2) == 0)
        {
            block.Add(new Unit(headers[_random.Next(headers.Length)], LineKind.Unrelated, blank));
        }

        if (form == 0)
        {
            var foreign = Foreign();
            source = " from:" + foreign.Register;
            var start = _random.Next(foreign.Paragraphs.Length);
            var count = _random.Next(1, 4);
            var paragraphs = foreign.Paragraphs.Skip(start).Take(count).ToList();
            var blockUnits = new List<Unit>();
            AddParagraphs(blockUnits, paragraphs, layout, LineKind.Unrelated);
            block.AddRange(blockUnits);
        }
        else
        {
            for (var k = _random.Next(3, 10); k > 0; k--)
            {
                block.Add(new Unit(Headline(), LineKind.Unrelated, blank && _random.Next(3) == 0));
            }
        }

        if (block.Count > 0)
        {
            block[0] = block[0] with { BlankBefore = blank };
        }

        // Mostly appended after the article; sometimes dropped into the middle.
        var firstInside = TitleEnd(units) + 1;
        var at = _random.Next(5) == 0 && units.Count > firstInside + 1 ? _random.Next(firstInside, units.Count) : units.Count;
        units.InsertRange(at, block);
        return (form == 0 ? "unrelated-paragraphs" : "unrelated-headlines") + (at < units.Count - block.Count ? "-inserted" : "") + source;
    }

    /// <summary>A foreign document from another group than the article being corrupted.</summary>
    private QualityDocument Foreign()
    {
        QualityDocument foreign;
        do
        {
            if (_foreignPools is null)
            {
                foreign = _side.Foreign[_random.Next(_side.Foreign.Count)];
                continue;
            }

            var corpus = _foreignPools[_random.Next(_foreignPools.Length)];
            var pool = corpus[_random.Next(corpus.Count)];
            foreign = pool[_random.Next(pool.Count)];
        }
        while (foreign.Group == _currentGroup);

        return foreign;
    }

    /// <summary>
    /// The headline of a related-story link in page furniture ("Read more: …"): a foreign headline, or in a third of
    /// cases one cut from another article of the same group (or the article itself), since a site links to stories on
    /// the same subject, which share the article's words. The foreign headline is always drawn, so the on-topic
    /// choice (drawn from its own generator) leaves the rest of the document as it would be without it.
    /// </summary>
    private string LinkHeadline()
    {
        var headline = Headline();
        if (_linkRandom.Next(3) != 0)
        {
            return headline;
        }

        var group = _groups[_currentGroup];
        return Headline(_linkRandom, group[_linkRandom.Next(group.Length)].Paragraphs);
    }

    /// <summary>A headline made from the start of a sentence of a foreign document: 4–11 words, no final stop,
    /// in title case or sentence case.</summary>
    private string Headline() => Headline(_random, Foreign().Paragraphs);

    private static string Headline(Random random, string[] paragraphs)
    {
        var sentences = SentenceSplitter.Split(paragraphs[random.Next(paragraphs.Length)]);
        var sentence = sentences.Count == 0 ? paragraphs[0] : sentences[random.Next(sentences.Count)];
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var take = Math.Min(words.Length, random.Next(4, 12));
        var parts = words.Take(take).Select(w => w.Trim('"', '“', '”', '(', ')', ',', ';', ':')).Where(w => w.Length > 0).ToArray();
        if (parts.Length == 0)
        {
            return "Latest";
        }

        if (random.Next(2) == 0)
        {
            for (var k = 0; k < parts.Length; k++)
            {
                if (parts[k].Length > 3 || k == 0)
                {
                    parts[k] = char.ToUpperInvariant(parts[k][0]) + parts[k][1..];
                }
            }
        }
        else
        {
            parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        }

        var headline = string.Join(' ', parts).TrimEnd('.', '!', '?');
        return random.Next(8) == 0 ? headline + "?" : headline;
    }

    private static LabeledDocument Render(List<Unit> units, QualityFlags expected, string recipe, Layout layout)
    {
        var text = new StringBuilder();
        var kinds = new List<LineKind>(units.Count);
        var glued = new List<bool>(units.Count);
        foreach (var unit in units)
        {
            var line = unit.Text.Replace('\n', ' ').Replace('\r', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n');
                if (unit.BlankBefore)
                {
                    text.Append('\n');
                }
            }

            text.Append(line);
            kinds.Add(unit.Kind);
            glued.Add(unit.Glued);
        }

        text.Append('\n');
        return new LabeledDocument(text.ToString(), [.. kinds], expected, $"{recipe} [{layout.ToString().ToLowerInvariant()}]")
        {
            Glued = glued.Contains(true) ? [.. glued] : null,
        };
    }

    private enum Layout
    {
        Blank,
        Dense,
        Wrapped,
    }

    /// <summary>One line of a generated document.</summary>
    /// <param name="Text">The line.</param>
    /// <param name="Kind">Its ground truth.</param>
    /// <param name="BlankBefore">Whether a blank line precedes it.</param>
    /// <param name="Title">Whether it belongs to the title block.</param>
    /// <param name="Glued">A boilerplate line to be glued to (and, after <c>Glue</c>, glued to) a body paragraph.</param>
    private readonly record struct Unit(string Text, LineKind Kind, bool BlankBefore, bool Title = false, bool Glued = false);
}
