using System.Globalization;
using System.Text;
using SpinDetect.Lexicon;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Training.Corpus;

/// <summary>
/// Figures about a built corpus, as markdown (no corpus text): counts per source, split, label and spinner,
/// lengths, realised spin rates, the share of replacements that are common words, and reverse-lookup coverage.
/// </summary>
internal static class CorpusReport
{
    private const int SampleLimit = 40_000;

    /// <summary>Writes the report for <paramref name="build"/>.</summary>
    /// <param name="build">The corpus.</param>
    /// <param name="frequencies">Frequencies that define "common" (rank cuts 5,000 and 20,000).</param>
    /// <param name="reverse">Moby reverse lookup with morphology, or null to leave that section out.</param>
    /// <param name="header">Lines put under the title (command, seed, timing).</param>
    /// <param name="lexicon">
    /// The detector's lexicon asset (models/lexicon.bin) and its path, or null: coverage is also measured against its
    /// stored reverse-synonym index, which is what the detector consults.
    /// </param>
    public static string Create(
        CorpusBuild build, IWordFrequencies frequencies, ReverseLookup? reverse, IEnumerable<string> header, (ReferenceLexicon Lexicon, string Path)? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(header);
        var md = new StringBuilder();
        md.AppendLine("# Spinner corpus report").AppendLine();
        foreach (var line in header)
        {
            md.AppendLine(line);
        }

        md.AppendLine();
        Counts(md, build.Records, "Training corpus (corpus.csv): texts per source, split and label");
        Counts(md, build.EvaluationRecords, "WordNet evaluation set (eval-wordnet.csv, test originals only): texts per source and label");
        if (build.DevelopmentRecords.Count > 0)
        {
            Counts(md, build.DevelopmentRecords, "WordNet development set (eval-wordnet-dev.csv, validation originals only): texts per source and label");
        }
        Registers(md, build.Records);
        Variants(md, build.Records, build.EvaluationRecords);
        Lengths(md, build.Records);
        Rates(md, build.Records, build.EvaluationRecords);
        Common(md, build, frequencies);
        if (reverse is not null)
        {
            Reverse(md, build, reverse);
        }

        if (lexicon is { } loaded)
        {
            LexiconReverse(md, build, loaded.Lexicon, loaded.Path);
        }

        return md.ToString();
    }

    private static void Counts(StringBuilder md, IReadOnlyList<CorpusRecord> records, string title)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        md.AppendLine("| source | split | clean | spun | documents |").AppendLine("| --- | --- | ---: | ---: | ---: |");
        var rows = new SortedDictionary<(string, string), (int Clean, int Spun, HashSet<string> Documents)>();
        foreach (var r in records)
        {
            var key = (r.Source, r.Split);
            if (!rows.TryGetValue(key, out var row))
            {
                row = (0, 0, new HashSet<string>(StringComparer.Ordinal));
            }

            row.Documents.Add(r.Document);
            rows[key] = r.Label == 0 ? (row.Clean + 1, row.Spun, row.Documents) : (row.Clean, row.Spun + 1, row.Documents);
        }

        int clean = 0, spun = 0;
        foreach (var ((source, split), row) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {source} | {split} | {row.Clean} | {row.Spun} | {row.Documents.Count} |");
            clean += row.Clean;
            spun += row.Spun;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | | **{clean}** | **{spun}** | |").AppendLine();
    }

    private static void Registers(StringBuilder md, IReadOnlyList<CorpusRecord> records)
    {
        md.AppendLine("## Clean texts per register and split").AppendLine();
        md.AppendLine("| register | train | validation | test | words (clean, all splits) |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var rows = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Label != 0)
            {
                continue;
            }

            if (!rows.TryGetValue(r.Register, out var row))
            {
                rows[r.Register] = row = new int[4];
            }

            row[r.Split == CorpusBuilder.Train ? 0 : r.Split == CorpusBuilder.Validation ? 1 : 2]++;
            row[3] += r.Words;
        }

        foreach (var (register, row) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {register} | {row[0]} | {row[1]} | {row[2]} | {row[3]:N0} |");
        }

        md.AppendLine();
    }

    private static void Variants(StringBuilder md, IReadOnlyList<CorpusRecord> records, IReadOnlyList<CorpusRecord> evaluation)
    {
        md.AppendLine("## Spun texts per spinner, style, choice and dictionary subset").AppendLine();
        md.AppendLine("| spinner | style | choice | subset | texts | mean realised rate |").AppendLine("| --- | --- | --- | --- | ---: | ---: |");
        var rows = new SortedDictionary<string, (int Count, double Sum)>(StringComparer.Ordinal);
        foreach (var r in records.Concat(evaluation))
        {
            if (r.Label == 1)
            {
                var key = $"{r.Spinner} | {r.Style} | {r.Choice} | {r.Subset}";
                var row = rows.GetValueOrDefault(key);
                rows[key] = (row.Count + 1, row.Sum + r.SpinRate);
            }
        }

        foreach (var (key, row) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {row.Count} | {row.Sum / row.Count:P1} |");
        }

        md.AppendLine();
    }

    private static void Lengths(StringBuilder md, IReadOnlyList<CorpusRecord> records)
    {
        int[] bounds = [50, 150, 300, 500, 1000, 1500, 2000];
        md.AppendLine("## Length distribution (words), training corpus").AppendLine();
        md.AppendLine("| words | clean | spun |").AppendLine("| --- | ---: | ---: |");
        var counts = new int[bounds.Length + 1, 2];
        var all = new List<int>();
        foreach (var r in records)
        {
            var bucket = 0;
            while (bucket < bounds.Length && r.Words >= bounds[bucket])
            {
                bucket++;
            }

            counts[bucket, r.Label]++;
            if (r.Label == 0)
            {
                all.Add(r.Words);
            }
        }

        for (var b = 0; b <= bounds.Length; b++)
        {
            var label = b == 0 ? $"< {bounds[0]}" : b == bounds.Length ? $">= {bounds[^1]}" : $"{bounds[b - 1]}–{bounds[b] - 1}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {counts[b, 0]} | {counts[b, 1]} |");
        }

        all.Sort();
        if (all.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Clean texts: min {all[0]}, median {all[all.Count / 2]}, mean {all.Average():F0}, max {all[^1]} words.");
        }

        md.AppendLine();
    }

    private static void Rates(StringBuilder md, IReadOnlyList<CorpusRecord> records, IReadOnlyList<CorpusRecord> evaluation)
    {
        double[] bounds = [0.05, 0.15, 0.30];
        md.AppendLine("## Realised spin rate (share of content words replaced)").AppendLine();
        md.AppendLine("| spinner / choice | < 5% | 5–15% | 15–30% | >= 30% | median |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var groups = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var r in records.Concat(evaluation))
        {
            if (r.Label == 1)
            {
                var key = $"{r.Spinner} / {r.Choice}";
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(r.SpinRate);
            }
        }

        foreach (var (key, list) in groups)
        {
            var counts = new int[bounds.Length + 1];
            foreach (var rate in list)
            {
                var b = 0;
                while (b < bounds.Length && rate >= bounds[b])
                {
                    b++;
                }

                counts[b]++;
            }

            list.Sort();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {key} | {counts[0]} | {counts[1]} | {counts[2]} | {counts[3]} | {list[list.Count / 2]:P1} |");
        }

        md.AppendLine();
    }

    private static void Common(StringBuilder md, CorpusBuild build, IWordFrequencies frequencies)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## Replacements that are common words (frequency source: {frequencies.Name})").AppendLine();
        md.AppendLine("Share of substitution pairs whose replacement (every word of it) is within the frequency rank cut.").AppendLine();
        md.AppendLine("| spinner / choice | pairs | rank <= 5,000 | rank <= 20,000 | originals rank <= 20,000 |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (key, pairs) in Pairs(build))
        {
            int top5 = 0, top20 = 0, originals = 0;
            foreach (var s in pairs)
            {
                var rank = MaxRank(s.Replacement, frequencies);
                top5 += rank <= 5_000 ? 1 : 0;
                top20 += rank <= 20_000 ? 1 : 0;
                originals += MaxRank(s.Original, frequencies) <= 20_000 ? 1 : 0;
            }

            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {key} | {pairs.Count} | {Share(top5, pairs.Count)} | {Share(top20, pairs.Count)} | {Share(originals, pairs.Count)} |");
        }

        md.AppendLine();
    }

    private static void Reverse(StringBuilder md, CorpusBuild build, ReverseLookup reverse)
    {
        md.AppendLine("## Reverse-lookup coverage (Moby reverse index with morphology)").AppendLine();
        md.AppendLine("Share of substitutions whose original is among the candidate originals of the replacement: listed directly "
            + "under the original, or found by lemmatising the replacement and re-inflecting the headwords that list the lemma. "
            + $"At most {SampleLimit:N0} substitutions per row (every k-th).").AppendLine();
        md.AppendLine("| spinner / choice | substitutions | recovered | direct | through morphology | single-word only: recovered |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (key, pairs) in Pairs(build))
        {
            var step = Math.Max(1, pairs.Count / SampleLimit);
            int total = 0, direct = 0, morphology = 0, singles = 0, singlesFound = 0;
            for (var i = 0; i < pairs.Count; i += step)
            {
                var s = pairs[i];
                var outcome = reverse.Find(s.Original, s.Replacement);
                total++;
                direct += outcome == ReverseLookup.Outcome.Direct ? 1 : 0;
                morphology += outcome == ReverseLookup.Outcome.ThroughMorphology ? 1 : 0;
                if (!s.Original.Contains(' ', StringComparison.Ordinal) && !s.Replacement.Contains(' ', StringComparison.Ordinal))
                {
                    singles++;
                    singlesFound += outcome == ReverseLookup.Outcome.Missed ? 0 : 1;
                }
            }

            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {key} | {total} | {Share(direct + morphology, total)} | {Share(direct, total)} | {Share(morphology, total)} | {Share(singlesFound, singles)} |");
        }

        md.AppendLine();
    }

    private static void LexiconReverse(StringBuilder md, CorpusBuild build, ReferenceLexicon lexicon, string lexiconPath)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## Reverse-lookup coverage in the detector's lexicon ({Path.GetFileName(lexiconPath)})").AppendLine();
        md.AppendLine("Single-word substitutions only (the stored index maps words to words). \"In vocabulary\": both words have ids; "
            + "\"recovered\": the original's id is among the stored reverse synonyms of the replacement's id.").AppendLine();
        md.AppendLine("| spinner / choice | single-word substitutions | in vocabulary | recovered (of all) | recovered (of in vocabulary) |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (key, pairs) in Pairs(build))
        {
            var step = Math.Max(1, pairs.Count / SampleLimit);
            int total = 0, known = 0, found = 0;
            for (var i = 0; i < pairs.Count; i += step)
            {
                var s = pairs[i];
                if (s.Original.Contains(' ', StringComparison.Ordinal) || s.Replacement.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                total++;
                var original = lexicon.GetId(s.Original.ToLowerInvariant());
                var replacement = lexicon.GetId(s.Replacement.ToLowerInvariant());
                if (original < 0 || replacement < 0)
                {
                    continue;
                }

                known++;
                found += lexicon.ReverseSynonyms(replacement).Contains(original) ? 1 : 0;
            }

            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {key} | {total} | {Share(known, total)} | {Share(found, total)} | {Share(found, known)} |");
        }

        md.AppendLine();
    }

    private static SortedDictionary<string, List<Substitution>> Pairs(CorpusBuild build)
    {
        var groups = new SortedDictionary<string, List<Substitution>>(StringComparer.Ordinal);
        Collect(build.Records, build.Logs, groups);
        Collect(build.EvaluationRecords, build.EvaluationLogs, groups);
        return groups;
    }

    private static void Collect(
        IReadOnlyList<CorpusRecord> records, IReadOnlyDictionary<string, IReadOnlyList<Substitution>> logs, SortedDictionary<string, List<Substitution>> groups)
    {
        foreach (var r in records)
        {
            if (r.Label != 1)
            {
                continue;
            }

            var key = $"{r.Spinner} / {r.Choice}";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.AddRange(logs[r.Id]);
        }
    }

    private static int MaxRank(string text, IWordFrequencies frequencies)
    {
        var max = 0;
        foreach (var part in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            max = Math.Max(max, frequencies.Rank(part));
        }

        return max;
    }

    private static string Share(int count, int total) =>
        total == 0 ? "–" : ((double)count / total).ToString("P1", CultureInfo.InvariantCulture);
}
