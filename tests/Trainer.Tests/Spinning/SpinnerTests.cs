using SpinDetect.Features;
using SpinDetect.Tests.Features;
using SpinDetect.Tests.Resources;
using SpinDetect.Text;
using SpinDetect.Training.Spin;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Spinning;

public sealed class SpinnerTests
{
    private static readonly Spinner Spinner = SpinnerFixtures.Spinner;

    [Fact]
    public void Capitalisation_of_the_original_is_kept()
    {
        var text = "Employees signed the deal. Big bags are a result.";
        var result = Spinner.Spin(text, new SpinOptions { Rate = 1, Seed = 3 });

        Assert.NotEmpty(result.Substitutions);
        foreach (var s in result.Substitutions)
        {
            Assert.Equal(char.IsUpper(s.Original[0]), char.IsUpper(s.Replacement[0]));
            Assert.Equal(s.Replacement[1..].ToLowerInvariant(), s.Replacement[1..]);
        }

        Assert.Contains(result.Substitutions, s => s.Original == "Employees");
    }

    [Fact]
    public void Inflection_is_carried_over_to_the_synonym()
    {
        var morphology = ResourceFixtures.Morphology;
        var plural = new HashSet<string> { "workers", "hands", "staff members", "hires" };
        var past = new HashSet<string> { "indicated", "wrote", morphology.Inflect("signal", SpinDetect.Lexicon.Inflection.Past)! };
        for (var seed = 0; seed < 20; seed++)
        {
            var result = Spinner.Spin("The employees signed it.", new SpinOptions { Rate = 1, Seed = seed });
            var employees = Assert.Single(result.Substitutions, s => s.Original == "employees");
            Assert.Contains(employees.Replacement, plural);
            var signed = Assert.Single(result.Substitutions, s => s.Original == "signed");
            Assert.Contains(signed.Replacement, past);
        }
    }

    [Fact]
    public void Numbers_urls_emails_handles_and_proper_nouns_are_left_alone()
    {
        var text = "In 2024 the Bag Company of Leaf City wrote to bag@example.com, @bag and https://bag.example.com/big about a big bag.";
        for (var seed = 0; seed < 10; seed++)
        {
            var result = Spinner.Spin(text, new SpinOptions { Rate = 1, Seed = seed });
            foreach (var s in result.Substitutions)
            {
                Assert.Contains(s.Original, new[] { "big", "bag" });
                Assert.True(s.OriginalStart > text.IndexOf("about", StringComparison.Ordinal), $"replaced '{s.Original}' at {s.OriginalStart}");
            }

            Assert.StartsWith("In 2024 the Bag Company of Leaf City wrote to bag@example.com, @bag and https://bag.example.com/big about a ", result.Text);
            Assert.Equal(2, result.Substitutions.Count);
        }
    }

    [Fact]
    public void A_capitalised_sentence_start_is_replaced_only_when_its_lowercase_form_is_known()
    {
        var known = Spinner.Spin("Company profits rose.", new SpinOptions { Rate = 1, Seed = 1 });
        Assert.Contains(known.Substitutions, s => s.Original == "Company");

        var withoutFrequencies = new Spinner(new MobySynonyms(SpinnerFixtures.Thesaurus), ResourceFixtures.Morphology);
        var unknown = withoutFrequencies.Spin("Burg went home. Then the city slept.", new SpinOptions { Rate = 1, Seed = 1 });
        Assert.DoesNotContain(unknown.Substitutions, s => s.Original == "Burg");
    }

    [Fact]
    public void Sentence_initial_names_are_left_alone_even_when_the_frequency_list_knows_the_word()
    {
        // The texts show "deal" only capitalised, so "Deal" is taken for a name; "City Hall" is a name by its second capital.
        var evidence = WordFrequencyList.FromTexts(["Deal went home. the big city slept."]);
        var spinner = new Spinner(new MobySynonyms(SpinnerFixtures.Thesaurus), ResourceFixtures.Morphology, SpinnerFixtures.Frequencies, evidence);

        var result = spinner.Spin("Deal went home. City Hall was big.", new SpinOptions { Rate = 1, Seed = 1 });

        Assert.DoesNotContain(result.Substitutions, s => s.Original is "Deal" or "City");
        Assert.Contains(result.Substitutions, s => s.Original == "big");
        Assert.Contains(Spinner.Spin("Deal went home.", new SpinOptions { Rate = 1, Seed = 1 }).Substitutions, s => s.Original == "Deal");
    }

    [Fact]
    public void Phrases_of_closed_class_words_are_neither_replaced_nor_offered()
    {
        var result = Spinner.Spin("It would be big and it will always be big.", new SpinOptions { Rate = 1, Seed = 3 });

        Assert.DoesNotContain(result.Substitutions, s => s.Original == "would be");
        Assert.DoesNotContain("on and on", Spinner.CandidatesFor("always"));
        Assert.DoesNotContain("the whole time", Spinner.CandidatesFor("always"));
        Assert.Contains("forever", Spinner.CandidatesFor("always"));
    }

    [Fact]
    public void Compounds_contractions_and_abbreviations_are_not_split()
    {
        var text = "A big-city deal wasn't the company's bag.big plan.";
        var result = Spinner.Spin(text, new SpinOptions { Rate = 1, Seed = 2 });
        Assert.Single(result.Substitutions);
        Assert.Equal("deal", result.Substitutions[0].Original);
    }

    [Fact]
    public void Multi_word_headwords_are_replaced_as_one_phrase()
    {
        var result = Spinner.Spin("Shortly after the result, the city slept.", new SpinOptions { Rate = 1, Seed = 5 });
        var phrase = Assert.Single(result.Substitutions, s => s.Original == "Shortly after");
        Assert.Contains(phrase.Replacement, new[] { "Soon after", "Right after" });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Replaying_the_log_on_the_original_gives_the_spun_text(int styleNumber)
    {
        var style = (SpinStyle)styleNumber;
        for (var seed = 0; seed < 30; seed++)
        {
            var options = new SpinOptions { Style = style, Rate = 0.05 + (seed % 10 * 0.08), EveryNth = 1 + (seed % 6), Seed = seed, SubsetSalt = seed % 2 == 0 ? (ulong)seed : null };
            var result = Spinner.Spin(SpinnerFixtures.LongText, options);

            Assert.Equal(result.Text, SubstitutionLog.Apply(SpinnerFixtures.LongText, result.Substitutions));
            foreach (var s in result.Substitutions)
            {
                Assert.Equal(s.Original, SpinnerFixtures.LongText.Substring(s.OriginalStart, s.OriginalLength));
                Assert.Equal(s.Replacement, result.Text.Substring(s.SpunStart, s.SpunLength));
            }
        }
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.8)]
    public void Uniform_style_meets_the_target_rate(double rate)
    {
        var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = rate, Seed = 11 });

        Assert.True(result.ContentWords > 150, $"fixture has only {result.ContentWords} content words");
        Assert.InRange(result.Rate, rate - 0.02, rate + 0.02);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Consistent_spinning_replaces_every_occurrence_of_a_replaced_word_by_the_same_synonym(int seed)
    {
        var text = "The employees met early. Later the employees left, and the employees signed the deal. Employees rest.";

        var result = Spinner.Spin(text, new SpinOptions { Rate = 0.2, Seed = seed, Consistent = true });

        var byOriginal = result.Substitutions.GroupBy(s => s.Original.ToLowerInvariant()).ToList();
        Assert.NotEmpty(byOriginal);
        foreach (var group in byOriginal)
        {
            Assert.Single(group.Select(s => s.Replacement.ToLowerInvariant()).Distinct());
        }

        var employees = result.Substitutions.Count(s => s.Original.Equals("employees", StringComparison.OrdinalIgnoreCase));
        Assert.True(employees is 0 or 4, $"{employees} of 4 occurrences replaced");
    }

    [Fact]
    public void Independent_spinning_replaces_some_occurrences_of_a_word_and_leaves_others()
    {
        var text = string.Join(' ', Enumerable.Repeat("The employees met early.", 12));
        var partial = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            var result = Spinner.Spin(text, new SpinOptions { Rate = 0.3, Seed = seed });
            var replaced = result.Substitutions.Count(s => s.Original == "employees");
            partial += replaced is > 0 and < 12 ? 1 : 0;
        }

        Assert.True(partial >= 5, $"only {partial} of 10 texts replaced some but not all occurrences");
    }

    [Fact]
    public void Every_nth_style_replaces_about_one_content_word_in_n()
    {
        var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Style = SpinStyle.EveryNth, EveryNth = 4, Seed = 2 });

        Assert.InRange(result.Rate, 0.2, 0.3);
    }

    [Fact]
    public void Partial_style_spins_some_paragraphs_and_leaves_others_alone()
    {
        var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Style = SpinStyle.Partial, PartialShare = 0.5, Rate = 0.6, Seed = 4 });
        var starts = ParagraphStarts(SpinnerFixtures.LongText);
        var touched = new HashSet<int>();
        foreach (var s in result.Substitutions)
        {
            touched.Add(starts.FindLastIndex(p => p <= s.OriginalStart));
        }

        Assert.InRange(touched.Count, 1, starts.Count - 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_output_and_another_seed_another()
    {
        var options = new SpinOptions { Style = SpinStyle.Mixed, Rate = 0.4, Seed = 9, SubsetSalt = 77 };
        var first = Spinner.Spin(SpinnerFixtures.LongText, options);
        var second = Spinner.Spin(SpinnerFixtures.LongText, options);
        var other = Spinner.Spin(SpinnerFixtures.LongText, options with { Seed = 10 });

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Substitutions, second.Substitutions);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public void Replacements_are_never_empty_and_never_break_the_white_space()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 0.8, Seed = seed, Style = (SpinStyle)(seed % 4) });

            Assert.False(string.IsNullOrWhiteSpace(result.Text));
            Assert.Equal(WhiteSpaceRuns(SpinnerFixtures.LongText) + PhraseSpaces(result.Substitutions), WhiteSpaceRuns(result.Text));
            foreach (var s in result.Substitutions)
            {
                Assert.NotEmpty(s.Replacement);
                Assert.Equal(s.Replacement.Trim(), s.Replacement);
                Assert.DoesNotContain("  ", s.Replacement, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Common_only_choice_never_picks_a_word_outside_the_frequency_cut()
    {
        const int Cut = 8;
        var used = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 0.8, Seed = seed, Choice = SynonymChoice.CommonOnly, CommonRankCut = Cut, Curation = seed % 3 * 0.5 });
            foreach (var s in result.Substitutions)
            {
                foreach (var word in s.Replacement.ToLowerInvariant().Split(' '))
                {
                    Assert.InRange(SpinnerFixtures.Frequencies.Rank(word), 1, Cut);
                    used.Add(word);
                }
            }
        }

        Assert.True(used.Count >= 4, "common-only choice should still vary among the common candidates");
    }

    [Fact]
    public void Uniform_choice_does_pick_rare_synonyms()
    {
        var rare = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 0.8, Seed = seed });
            foreach (var s in result.Substitutions)
            {
                rare += SpinnerFixtures.Frequencies.Rank(s.Replacement.ToLowerInvariant()) > 8 ? 1 : 0;
            }
        }

        Assert.True(rare > 0);
    }

    [Fact]
    public void A_dictionary_subset_offers_only_part_of_the_pairs_and_varies_with_the_salt()
    {
        var full = new HashSet<string>();
        var halves = new[] { new HashSet<string>(), new HashSet<string>() };
        for (var seed = 0; seed < 80; seed++)
        {
            foreach (var s in Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 1, Seed = seed }).Substitutions)
            {
                full.Add(s.Original.ToLowerInvariant() + ">" + s.Replacement.ToLowerInvariant());
            }

            for (var h = 0; h < 2; h++)
            {
                foreach (var s in Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 1, Seed = seed, SubsetSalt = (ulong)(h + 1) * 0x9E3779B97F4A7C15UL }).Substitutions)
                {
                    halves[h].Add(s.Original.ToLowerInvariant() + ">" + s.Replacement.ToLowerInvariant());
                }
            }
        }

        foreach (var half in halves)
        {
            Assert.True(half.IsProperSubsetOf(full));
            Assert.InRange(half.Count, full.Count / 5, full.Count * 4 / 5);
        }

        Assert.False(halves[0].SetEquals(halves[1]));
    }

    [Fact]
    public void Token_labels_mark_exactly_the_eligible_words_inside_the_logged_replacements()
    {
        var result = Spinner.Spin(SpinnerFixtures.LongText, new SpinOptions { Rate = 0.4, Seed = 8 });
        var analysis = new DocumentAnalysis();
        new SpinFeaturizer(TinyWordStatistics.CatAndBag().WithWordsOf(result.Text)).Analyze(result.Text, analysis);
        var spans = result.Substitutions.Select(s => (s.SpunStart, s.SpunLength)).ToArray();
        var labels = new float[analysis.EligibleCount];

        var uncovered = TokenLabeler.Label(analysis, spans, labels);

        var overlapping = new HashSet<int>();
        for (var e = 0; e < analysis.EligibleCount; e++)
        {
            var token = analysis.Tokens[analysis.StreamTokens[analysis.EligiblePositions[e]]];
            var inside = false;
            for (var k = 0; k < spans.Length; k++)
            {
                if (spans[k].SpunStart < token.End && token.Start < spans[k].SpunStart + spans[k].SpunLength)
                {
                    inside = true;
                    overlapping.Add(k);
                }
            }

            Assert.Equal(inside ? 1f : 0f, labels[e]);
        }

        Assert.True(overlapping.Count > 10, $"only {overlapping.Count} replacements hit eligible words");
        Assert.Equal(spans.Length - overlapping.Count, uncovered);
    }

    [Fact]
    public void A_log_that_does_not_fit_the_original_is_rejected()
    {
        var result = Spinner.Spin("The big company signed a deal.", new SpinOptions { Rate = 1, Seed = 1 });
        var broken = result.Substitutions.Select(s => s with { Original = "xyz" }).ToList();

        Assert.Throws<InvalidDataException>(() => SubstitutionLog.Apply("The big company signed a deal.", broken));
    }

    [Fact]
    public void Out_of_range_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Spinner.Spin("text", new SpinOptions { Rate = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spinner.Spin("text", new SpinOptions { EveryNth = 0 }));
        var noFrequencies = new Spinner(new MobySynonyms(SpinnerFixtures.Thesaurus), ResourceFixtures.Morphology);
        Assert.Throws<InvalidOperationException>(() => noFrequencies.Spin("text", new SpinOptions { Choice = SynonymChoice.CommonOnly }));
    }

    private static List<int> ParagraphStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf("\n\n", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n\n", i + 2, StringComparison.Ordinal))
        {
            starts.Add(i + 2);
        }

        return starts;
    }

    private static int WhiteSpaceRuns(string text)
    {
        var runs = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (i == 0 || !char.IsWhiteSpace(text[i - 1])))
            {
                runs++;
            }
        }

        return runs;
    }

    private static int PhraseSpaces(IReadOnlyList<Substitution> substitutions) =>
        substitutions.Sum(s => s.Replacement.Count(c => c == ' ') - s.Original.Count(c => c == ' '));
}
