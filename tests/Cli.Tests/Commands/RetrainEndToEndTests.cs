using System.Text;
using SpinDetect.Model;
using SpinDetect.Training.Corpus;
using SpinDetect.Training.Spinning;

namespace SpinDetect.Tests.Commands;

/// <summary>
/// <c>spindetect train --samples</c> from the command line with the committed lexicon, on a small English corpus
/// spun here by swapping a few words for poor synonyms (with their logs).
/// </summary>
public sealed class RetrainEndToEndTests : IDisposable
{
    private static readonly string[] Sentences =
    [
        "The employees worked late as a result of the new plan.",
        "She put the keys back in her bag before the meeting.",
        "The committee will meet again next week to discuss the budget.",
        "Prices rose quickly after the storm damaged the harbour.",
        "Our team finished the report and sent it to the board.",
        "He said the market would recover by the end of the year.",
    ];

    private static readonly (string From, string To)[] Swaps =
        [("employees", "hires"), ("result", "arise"), ("bag", "purse"), ("quickly", "speedily"), ("meeting", "assembly"), ("market", "marketplace")];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Retraining_writes_a_reproducible_model_with_a_report_info_prints_its_provenance_and_a_rerun_replaces_it_with_a_backup()
    {
        WriteCorpus();
        var samples = WriteSamples("samples.csv", "domain", 24);
        string[] args = ["train", "--samples", samples, "--base-corpus", _folder["corpus"], "--lexicon", Lexicon(), "--date", "2026-03-04", "--threads", "1"];

        var first = CliHarness.RunProduct([.. args, "--out", _folder["a/spin.model"]]);
        var second = CliHarness.RunProduct([.. args, "--out", _folder["b/spin.model"]]);

        Assert.True(first.Exit == 0, first.Error);
        // No model at --out yet: the new one is written there, compared with the shipped model the detector uses.
        Assert.Contains("replaced " + _folder["a/spin.model"] + ": there was no model at the output path to keep", first.Output, StringComparison.Ordinal);
        Assert.Contains("comparing with the shipped model", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[1/6\] 0 % .* featurizing", first.Error);
        Assert.Contains("ETA", first.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_folder["a/spin.model"]), File.ReadAllBytes(_folder["b/spin.model"]));
        Assert.Contains("| AUC |", File.ReadAllText(_folder["a/spin-retrain-report.md"]), StringComparison.Ordinal);

        var info = CliHarness.RunProduct(["info", _folder["a/spin.model"]]);
        Assert.Equal(0, info.Exit);
        Assert.Contains("trained: 2026-03-04", info.Output, StringComparison.Ordinal);
        Assert.Contains("samples.1.samples.csv = ", info.Output, StringComparison.Ordinal);
        Assert.Contains("corpus/corpus.csv = ", info.Output, StringComparison.Ordinal);
        Assert.Contains("test.user.auc = ", info.Output, StringComparison.Ordinal);
        Assert.Equal(
            ModelFile.Read(_folder["a/spin.model"]).Metadata.DataHashes["lexicon"],
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Lexicon()))));

        var previous = File.ReadAllBytes(_folder["a/spin.model"]);
        var again = CliHarness.RunProduct([.. args, "--out", _folder["a/spin.model"]]);
        Assert.True(again.Exit == 0, again.Error);
        Assert.Contains("not worse", again.Output, StringComparison.Ordinal);
        var backup = Assert.Single(Directory.GetFiles(_folder["a"], "spin.model.bak-*"));
        Assert.Equal(previous, File.ReadAllBytes(backup));
    }

    private static string Lexicon() => RepositoryRoot.File("models", "lexicon.bin");

    private void WriteCorpus()
    {
        var random = new Random(11);
        var records = new List<CorpusRecord>();
        var logs = new List<(string, string, IReadOnlyList<Substitution>)>();
        for (var i = 0; i < 80; i++)
        {
            var original = Original(random, "Corpus note " + i + ".");
            var split = (i / 2 % 5) switch { < 3 => "train", 3 => "validation", _ => "test" };
            records.Add(new CorpusRecord { Id = $"c{i}", Source = "test", Document = $"d{i}", Split = split, Label = 0, Text = original });
            var substitutions = Spin(original);
            records.Add(new CorpusRecord
            {
                Id = $"s{i}", Source = "test", Document = $"d{i}", Split = split, Label = 1, Spinner = "test", SpinRate = 0.2,
                OriginalId = $"c{i}", Text = SubstitutionLog.Apply(original, substitutions),
            });
            logs.Add(($"s{i}", $"c{i}", substitutions));
        }

        Directory.CreateDirectory(_folder["corpus"]);
        CorpusCsv.Write(Path.Combine(_folder["corpus"], CorpusBuild.CorpusFile), records);
        SubstitutionJsonl.Write(Path.Combine(_folder["corpus"], CorpusBuild.LogFile), logs);
    }

    private string WriteSamples(string name, string prefix, int count)
    {
        var random = new Random(17);
        var csv = new StringBuilder("text;label;group\r\n");
        for (var i = 0; i < count; i++)
        {
            var original = Original(random, $"A {prefix} text, number {i}.");
            var text = i % 2 == 0 ? original : SubstitutionLog.Apply(original, Spin(original));
            csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";").Append(i % 2).Append(';').Append(prefix).Append(i / 2).Append("\r\n");
        }

        return _folder.Write(name, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());
    }

    private static string Original(Random random, string opening)
    {
        var text = new StringBuilder(opening);
        for (var s = 0; s < 8; s++)
        {
            text.Append(' ').Append(Sentences[random.Next(Sentences.Length)]);
        }

        return text.ToString();
    }

    private static List<Substitution> Spin(string original)
    {
        var substitutions = new List<Substitution>();
        var shift = 0;
        var found = new List<(int At, string From, string To)>();
        foreach (var (from, to) in Swaps)
        {
            for (var at = original.IndexOf(from, StringComparison.Ordinal); at >= 0; at = original.IndexOf(from, at + from.Length, StringComparison.Ordinal))
            {
                found.Add((at, from, to));
            }
        }

        foreach (var (at, from, to) in found.OrderBy(f => f.At))
        {
            substitutions.Add(new Substitution(at, from.Length, at + shift, to.Length, from, to));
            shift += to.Length - from.Length;
        }

        return substitutions;
    }
}
