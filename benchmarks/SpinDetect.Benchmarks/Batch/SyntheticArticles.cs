using System.Text;

namespace SpinDetect.Benchmarks.Batch;

/// <summary>Writes a folder of deterministic synthetic articles of about 5 KB each, in paragraphs of plain sentences.</summary>
internal static class SyntheticArticles
{
    private static readonly string[] Words =
    [
        "the", "council", "budget", "library", "members", "agreed", "building", "needs", "roof", "before", "winter",
        "reading", "room", "should", "stay", "open", "evenings", "result", "employees", "work", "longer", "shifts",
        "town", "will", "hire", "people", "help", "mayor", "said", "plan", "was", "fair", "balance", "between", "cost",
        "service", "vote", "passed", "with", "clear", "majority", "of", "and", "to", "in", "a", "on", "for", "that",
        "report", "showed", "growth", "company", "market", "year", "quarter", "prices", "rose", "fell", "sharply",
    ];

    /// <summary>Writes <paramref name="count"/> articles of about <paramref name="bytes"/> bytes into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count, int bytes = 5 * 1024, int seed = 2026)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var text = new StringBuilder(bytes + 256);
        for (var i = 0; i < count; i++)
        {
            text.Clear();
            while (text.Length < bytes)
            {
                var sentence = random.Next(8, 20);
                for (var w = 0; w < sentence; w++)
                {
                    var word = Words[random.Next(Words.Length)];
                    text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == sentence - 1 ? ". " : " ");
                }

                if (random.Next(5) == 0)
                {
                    text.Append("\n\n");
                }
            }

            File.WriteAllText(Path.Combine(folder, $"article-{i:D5}.txt"), text.ToString());
        }
    }
}
