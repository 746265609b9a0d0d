using System.Collections.Concurrent;
using System.Text;
using SpinDetect.Lexicon;
using SpinDetect.Text;

namespace SpinDetect.Training.Spinning;

/// <summary>
/// A sense-blind article spinner: replaces content words (and multi-word headwords) with synonyms from an
/// <see cref="ISynonymDictionary"/>, carrying inflection over through <see cref="Morphology"/> ("employees" →
/// "workers") and capitalisation from the original, and leaving numbers, URLs, e-mail addresses, handles,
/// proper nouns, contractions and parts of compounds alone. Every replacement is logged. Thread-safe.
/// </summary>
internal sealed class Spinner
{
    private const int CacheLimit = 20_000;

    // Real spinners mostly swap one word for one word; a phrase for a single word is a rarer choice.
    private const double PhraseForWordWeight = 0.2;

    private readonly Morphology _morphology;
    private readonly IWordFrequencies? _frequencies;
    private readonly IWordFrequencies? _lowercaseEvidence;
    private readonly ConcurrentDictionary<string, Candidate[]> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a spinner over <paramref name="dictionary"/>.</summary>
    /// <param name="dictionary">Where synonyms come from.</param>
    /// <param name="morphology">Lemmatises words and re-inflects synonyms.</param>
    /// <param name="frequencies">Word frequencies: needed for <see cref="SynonymChoice.CommonOnly"/>.</param>
    /// <param name="lowercaseEvidence">
    /// Counts of words seen in lowercase (<see cref="WordFrequencyList.FromTexts"/>): a capitalised sentence-initial
    /// word is replaced only when it has some, else it is taken for a name ("John", "Fanny"). Defaults to
    /// <paramref name="frequencies"/>, then to the morphology's lemma list.
    /// </param>
    public Spinner(ISynonymDictionary dictionary, Morphology morphology, IWordFrequencies? frequencies = null, IWordFrequencies? lowercaseEvidence = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(morphology);
        Dictionary = dictionary;
        _morphology = morphology;
        _frequencies = frequencies;
        _lowercaseEvidence = lowercaseEvidence ?? frequencies;
    }

    /// <summary>The dictionary synonyms are taken from.</summary>
    public ISynonymDictionary Dictionary { get; }

    /// <summary>The frequencies used for common-only choice (null when none were given).</summary>
    public IWordFrequencies? Frequencies => _frequencies;

    /// <summary>Spins <paramref name="text"/> as <paramref name="options"/> say.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">Common-only choice without frequencies.</exception>
    public SpinResult Spin(string text, SpinOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Choice == SynonymChoice.CommonOnly && _frequencies is null)
        {
            throw new InvalidOperationException("Common-only synonym choice needs word frequencies; pass them to the Spinner.");
        }

        using var tokens = new TokenList(Math.Max(16, text.Length / 4));
        Tokenizer.Tokenize(text, tokens);
        var slots = FindSlots(text, tokens.AsSpan(), options, out var contentWords, out var paragraphs);
        var random = new Random(options.Seed);
        var chosen = new List<(Slot Slot, string Replacement)>();
        var state = new SelectionState(text, options, random, chosen);
        switch (options.Style)
        {
            case SpinStyle.Uniform:
                SelectUniform(slots, contentWords, options.Rate, state);
                break;
            case SpinStyle.EveryNth:
                SelectEveryNth(slots, options.EveryNth, state);
                break;
            case SpinStyle.Partial:
                SelectPartial(slots, paragraphs, options, state);
                break;
            case SpinStyle.Mixed:
                SelectMixed(slots, paragraphs, options, state);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Style, "Unknown spin style.");
        }

        if (options.Consistent)
        {
            ReplaceEveryOccurrence(slots, state);
        }

        chosen.Sort((a, b) => a.Slot.Start.CompareTo(b.Slot.Start));
        return Apply(text, chosen, contentWords);
    }

    /// <summary>
    /// The candidate replacements for a word or phrase as the spinner sees them before choice (inflected and
    /// filtered, subset and frequency not applied), lowercase. For reports and tests.
    /// </summary>
    public IReadOnlyList<string> CandidatesFor(string lowercase, bool samePartOfSpeech = SpinOptions.Defaults.SamePartOfSpeech)
    {
        var candidates = GetCandidates(lowercase, lowercase.Contains(' ', StringComparison.Ordinal), samePartOfSpeech);
        var result = new string[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            result[i] = candidates[i].Text;
        }

        return result;
    }

    private List<Slot> FindSlots(string text, ReadOnlySpan<Token> tokens, SpinOptions options, out int contentWords, out int paragraphs)
    {
        var slots = new List<Slot>();
        var eligible = new bool[tokens.Length];
        contentWords = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            eligible[i] = IsContentWord(text, tokens, i);
            if (eligible[i])
            {
                contentWords++;
            }
        }

        var paragraph = -1;
        var maxPhrase = options.UsePhrases ? Dictionary.MaxPhraseWords : 1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Has(TokenFlags.ParagraphStart))
            {
                paragraph++;
            }

            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var matched = false;
            for (var n = Math.Min(maxPhrase, tokens.Length - i); n >= 2 && !matched; n--)
            {
                var phrase = PhraseAt(text, tokens, i, n);
                if (phrase is null || !Dictionary.TryGetSynonyms(phrase, out _))
                {
                    continue;
                }

                var covered = 0;
                for (var k = i; k < i + n; k++)
                {
                    covered += eligible[k] ? 1 : 0;
                }

                // Spinners rewrite content, not "has been" or "would be".
                if (covered > 0)
                {
                    slots.Add(new Slot(tokens[i].Start, tokens[i + n - 1].End, phrase, tokens[i].Flags, covered, Math.Max(0, paragraph)));
                    i += n - 1;
                    matched = true;
                }
            }

            if (!matched && eligible[i])
            {
                var word = tokens[i].Slice(text).ToString().ToLowerInvariant();
                slots.Add(new Slot(tokens[i].Start, tokens[i].End, word, tokens[i].Flags, 1, Math.Max(0, paragraph)));
            }
        }

        paragraphs = Math.Max(1, paragraph + 1);
        return slots;
    }

    /// <summary>The lowercase phrase of <paramref name="n"/> plain words from token <paramref name="i"/>, or null.</summary>
    private string? PhraseAt(string text, ReadOnlySpan<Token> tokens, int i, int n)
    {
        for (var k = i; k < i + n; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.Word || (token.Flags & (TokenFlags.AllCaps | TokenFlags.MixedCase | TokenFlags.Apostrophe)) != 0)
            {
                return null;
            }

            // Capitals only where the sentence starts, on the first word.
            if (token.Has(TokenFlags.Capitalized) && (k > i || !IsKnownSentenceStart(text, tokens, k)))
            {
                return null;
            }

            if (k > i && (token.Start != tokens[k - 1].End + 1 || text[token.Start - 1] != ' '))
            {
                return null;
            }
        }

        if (!IsIsolated(text, tokens[i].Start, tokens[i + n - 1].End))
        {
            return null;
        }

        return text[tokens[i].Start..tokens[i + n - 1].End].ToLowerInvariant();
    }

    private bool IsContentWord(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Word || token.Length < 2
            || (token.Flags & (TokenFlags.AllCaps | TokenFlags.MixedCase | TokenFlags.Apostrophe | TokenFlags.NonAscii)) != 0)
        {
            return false;
        }

        var word = token.Slice(text);
        if (FunctionWords.Contains(word) || !IsIsolated(text, token.Start, token.End))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        // A capital inside a sentence marks a name; at the start it does only when the lowercase word is unknown.
        return !token.Has(TokenFlags.Capitalized) || IsKnownSentenceStart(text, tokens, i);
    }

    private bool IsKnownSentenceStart(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.Has(TokenFlags.SentenceStart))
        {
            return false;
        }

        // "Miss Bates", "New York", "John Smith": a capital right after marks a name.
        if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Has(TokenFlags.Capitalized)
            && !tokens[i + 1].Has(TokenFlags.SentenceStart))
        {
            return false;
        }

        var lower = token.Slice(text).ToString().ToLowerInvariant();
        return _lowercaseEvidence is not null
            ? _lowercaseEvidence.Rank(lower) != int.MaxValue
            : _morphology.PartsOfSpeechOf(lower) != PartsOfSpeech.None;
    }

    /// <summary>Not glued to a compound, path, contraction or abbreviation ("well-known", "e.g", "file.txt").</summary>
    private static bool IsIsolated(string text, int start, int end)
    {
        if (start > 0)
        {
            var before = text[start - 1];
            if (char.IsLetterOrDigit(before) || before is '-' or '/' or '_' or '&' or '@' or '.' or '\\' or '+' or '=' or '\'' or '\u2019' or '*')
            {
                return false;
            }
        }

        if (end < text.Length)
        {
            var after = text[end];
            if (char.IsLetterOrDigit(after) || after is '-' or '/' or '_' or '@' or '\\' or '+' or '=' or '*' or '(')
            {
                return false;
            }

            var next = end + 1 < text.Length ? text[end + 1] : ' ';
            if (after is '.' or '\'' or '\u2019' && char.IsLetterOrDigit(next))
            {
                return false;
            }
        }

        return true;
    }

    private void SelectUniform(List<Slot> slots, int contentWords, double rate, SelectionState state)
    {
        // Stochastic rounding keeps the expected rate exact on short texts.
        var exact = rate * contentWords;
        var target = (int)Math.Floor(exact) + (state.Random.NextDouble() < exact - Math.Floor(exact) ? 1 : 0);
        if (target == 0 || slots.Count == 0)
        {
            return;
        }

        var order = new int[slots.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        state.Random.Shuffle(order);
        var done = 0;
        foreach (var index in order)
        {
            if (done >= target)
            {
                break;
            }

            var slot = slots[index];
            if (done + slot.ContentWords > target + 1)
            {
                continue; // a long phrase would overshoot
            }

            if (TryReplace(slot, state))
            {
                done += slot.ContentWords;
            }
        }
    }

    private void SelectEveryNth(List<Slot> slots, int n, SelectionState state)
    {
        var counter = state.Random.Next(n);
        foreach (var slot in slots)
        {
            counter += slot.ContentWords;
            if (counter >= n && TryReplace(slot, state))
            {
                counter = 0;
            }
        }
    }

    private void SelectPartial(List<Slot> slots, int paragraphs, SpinOptions options, SelectionState state)
    {
        var spun = new bool[paragraphs];
        var any = false;
        for (var p = 0; p < paragraphs; p++)
        {
            spun[p] = state.Random.NextDouble() < options.PartialShare;
            any |= spun[p];
        }

        if (!any && options.PartialShare > 0)
        {
            spun[state.Random.Next(paragraphs)] = true;
        }

        var selected = new List<Slot>();
        var words = 0;
        foreach (var slot in slots)
        {
            if (spun[slot.Paragraph])
            {
                selected.Add(slot);
                words += slot.ContentWords;
            }
        }

        SelectUniform(selected, words, options.Rate, state);
    }

    private void SelectMixed(List<Slot> slots, int paragraphs, SpinOptions options, SelectionState state)
    {
        var byParagraph = new List<Slot>[paragraphs];
        for (var p = 0; p < paragraphs; p++)
        {
            byParagraph[p] = [];
        }

        foreach (var slot in slots)
        {
            byParagraph[slot.Paragraph].Add(slot);
        }

        foreach (var group in byParagraph)
        {
            var words = 0;
            foreach (var slot in group)
            {
                words += slot.ContentWords;
            }

            switch (state.Random.Next(3))
            {
                case 0:
                    SelectUniform(group, words, Math.Clamp(options.Rate * (0.5 + state.Random.NextDouble()), 0, 1), state);
                    break;
                case 1:
                    SelectEveryNth(group, Math.Max(1, (int)Math.Round(1 / Math.Max(options.Rate, 0.02)) + state.Random.Next(-1, 2)), state);
                    break;
                default:
                    break; // left alone
            }
        }
    }

    private bool TryReplace(Slot slot, SelectionState state)
    {
        string? choice;
        if (!state.Options.Consistent || !state.Mapping.TryGetValue(slot.Key, out choice))
        {
            var isPhrase = slot.Key.Contains(' ', StringComparison.Ordinal);
            var candidates = GetCandidates(slot.Key, isPhrase, state.Options.SamePartOfSpeech);
            choice = Choose(candidates, isPhrase, state);
            if (choice is null)
            {
                return false;
            }

            state.Mapping[slot.Key] = choice;
        }

        state.Chosen.Add((slot, MatchCase(choice, state.Text.AsSpan(slot.Start, slot.End - slot.Start), slot.Flags)));
        return true;
    }

    // Consistent spinning: every other occurrence of a replaced word or phrase gets the same synonym.
    private static void ReplaceEveryOccurrence(List<Slot> slots, SelectionState state)
    {
        var taken = new HashSet<int>();
        foreach (var (slot, _) in state.Chosen)
        {
            taken.Add(slot.Start);
        }

        foreach (var slot in slots)
        {
            if (!taken.Contains(slot.Start) && state.Mapping.TryGetValue(slot.Key, out var choice))
            {
                state.Chosen.Add((slot, MatchCase(choice, state.Text.AsSpan(slot.Start, slot.End - slot.Start), slot.Flags)));
            }
        }
    }

    private string? Choose(Candidate[] candidates, bool forPhrase, SelectionState state)
    {
        var options = state.Options;
        var pool = state.Pool;
        pool.Clear();
        var weights = state.Weights;
        weights.Clear();
        var total = 0.0;
        foreach (var candidate in candidates)
        {
            if (options.SubsetSalt is { } salt && (Mix(candidate.PairHash ^ salt) & 1) != 0)
            {
                continue;
            }

            var weight = 1.0;
            if (options.Choice == SynonymChoice.CommonOnly)
            {
                weight = CommonWeight(candidate.Text, options);
                if (weight <= 0)
                {
                    continue;
                }
            }

            if (!forPhrase && candidate.Text.Contains(' ', StringComparison.Ordinal))
            {
                weight *= PhraseForWordWeight;
            }

            pool.Add(candidate.Text);
            weights.Add(weight);
            total += weight;
        }

        if (pool.Count == 0)
        {
            return null;
        }

        var pick = state.Random.NextDouble() * total;
        for (var i = 0; i < pool.Count; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return pool[i];
            }
        }

        return pool[^1];
    }

    /// <summary>frequency^curation of the rarest word of a candidate; 0 when any word lies outside the cut.</summary>
    private double CommonWeight(string candidate, SpinOptions options)
    {
        var frequencies = _frequencies!;
        var weight = double.MaxValue;
        foreach (var part in candidate.Split(' '))
        {
            if (frequencies.Rank(part) > options.CommonRankCut)
            {
                return 0;
            }

            // Closed-class words would lend a phrase their huge frequency ("that is" for "new").
            if (!FunctionWords.Contains(part))
            {
                weight = Math.Min(weight, frequencies.Frequency(part));
            }
        }

        return weight is <= 0 or double.MaxValue ? 0 : Math.Pow(weight, options.Curation);
    }

    private Candidate[] GetCandidates(string key, bool isPhrase, bool samePartOfSpeech)
    {
        var cacheKey = samePartOfSpeech ? key : "\u0001" + key;
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var list = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { key };
        if (Dictionary.TryGetSynonyms(key, out var own))
        {
            foreach (var synonym in own)
            {
                Add(list, seen, key, synonym, synonym);
            }
        }

        if (!isPhrase)
        {
            foreach (var analysis in _morphology.Analyze(key))
            {
                if (analysis.Inflection == Inflection.None || !Dictionary.TryGetSynonyms(analysis.Lemma, out var synonyms))
                {
                    continue;
                }

                var required = analysis.Inflection.RequiredPartOfSpeech();
                var graded = analysis.Inflection is Inflection.Comparative or Inflection.Superlative;
                foreach (var synonym in synonyms)
                {
                    // "-er/-est" fit only short plain adjectives; "crockeder" is no spinner's output.
                    if (graded && (synonym.Length > 6 || synonym.Contains(' ', StringComparison.Ordinal) || synonym.EndsWith("ed", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    if (samePartOfSpeech)
                    {
                        var space = required == PartsOfSpeech.Verb ? synonym.IndexOf(' ', StringComparison.Ordinal) : synonym.LastIndexOf(' ');
                        var head = space < 0 ? synonym : required == PartsOfSpeech.Verb ? synonym[..space] : synonym[(space + 1)..];
                        var pos = _morphology.LemmaPartsOfSpeech(head);
                        if (pos != PartsOfSpeech.None && (pos & required) == 0)
                        {
                            continue;
                        }
                    }

                    var inflected = _morphology.Inflect(synonym, analysis.Inflection);
                    if (inflected is not null)
                    {
                        Add(list, seen, analysis.Lemma, synonym, inflected);
                    }
                }
            }
        }

        var result = list.ToArray();
        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd(cacheKey, result);
        }

        return result;
    }

    private static void Add(List<Candidate> list, HashSet<string> seen, string headword, string synonym, string text)
    {
        if (!IsCleanReplacement(text) || !seen.Add(text))
        {
            return;
        }

        list.Add(new Candidate(text, StableHash(headword, synonym)));
    }

    /// <summary>
    /// Lowercase letters with single inner spaces, hyphens or apostrophes; at most four words; no function word
    /// alone or as a whole phrase ("that is", "on and on"); no phrase starting with an article (it would double
    /// the one before: "the the know").
    /// </summary>
    private static bool IsCleanReplacement(string text)
    {
        if (text.StartsWith("the ", StringComparison.Ordinal) || text.StartsWith("a ", StringComparison.Ordinal) || text.StartsWith("an ", StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Length < 2 || !char.IsAsciiLetterLower(text[0]) || !char.IsAsciiLetterLower(text[^1]))
        {
            return false;
        }

        var words = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (text[i - 1] == ' ')
                {
                    return false;
                }

                words++;
            }
            else if (!char.IsAsciiLetterLower(c) && c is not ('-' or '\''))
            {
                return false;
            }
        }

        if (words > 4)
        {
            return false;
        }

        foreach (var word in text.Split(' '))
        {
            if (!FunctionWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string MatchCase(string replacement, ReadOnlySpan<char> original, TokenFlags flags)
    {
        if ((flags & TokenFlags.AllCaps) != 0)
        {
            return replacement.ToUpperInvariant();
        }

        if (char.IsUpper(original[0]))
        {
            return string.Create(replacement.Length, replacement, static (span, source) =>
            {
                source.AsSpan().CopyTo(span);
                span[0] = char.ToUpperInvariant(span[0]);
            });
        }

        return replacement;
    }

    private static SpinResult Apply(string text, List<(Slot Slot, string Replacement)> chosen, int contentWords)
    {
        var builder = new StringBuilder(text.Length + (chosen.Count * 4));
        var substitutions = new Substitution[chosen.Count];
        var cursor = 0;
        var words = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            var (slot, replacement) = chosen[i];
            builder.Append(text, cursor, slot.Start - cursor);
            substitutions[i] = new Substitution(
                slot.Start, slot.End - slot.Start, builder.Length, replacement.Length, text[slot.Start..slot.End], replacement);
            builder.Append(replacement);
            cursor = slot.End;
            words += slot.ContentWords;
        }

        builder.Append(text, cursor, text.Length - cursor);
        return new SpinResult(builder.ToString(), substitutions, contentWords, words);
    }

    /// <summary>FNV-1a over headword and synonym: stable across processes, unlike string.GetHashCode.</summary>
    internal static ulong StableHash(string headword, string synonym)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in headword)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ 0xFFFF) * 1099511628211UL;
        foreach (var c in synonym)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A number in [0, 1) from a hash, uniform over the hash's mixed top 53 bits.</summary>
    internal static double UnitInterval(ulong hash) => (Mix(hash) >> 11) * (1.0 / (1UL << 53));

    internal static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser: every bit of the salt and the pair affects the subset bit.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private readonly record struct Candidate(string Text, ulong PairHash);

    private readonly record struct Slot(int Start, int End, string Key, TokenFlags Flags, int ContentWords, int Paragraph);

    private sealed class SelectionState(string text, SpinOptions options, Random random, List<(Slot Slot, string Replacement)> chosen)
    {
        public string Text { get; } = text;

        public SpinOptions Options { get; } = options;

        public Random Random { get; } = random;

        public List<(Slot Slot, string Replacement)> Chosen { get; } = chosen;

        public List<string> Pool { get; } = [];

        public List<double> Weights { get; } = [];

        /// <summary>Key → chosen synonym, lowercase (used by consistent spinning).</summary>
        public Dictionary<string, string> Mapping { get; } = new(StringComparer.Ordinal);
    }
}
