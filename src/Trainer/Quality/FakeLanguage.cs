using System.Text;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Text that is not English, generated without any third-party text: English words with their inner letters
/// shuffled, or words built from a made-up syllable inventory (two inventories: one for training, one held out).
/// </summary>
internal sealed class FakeLanguage
{
    private static readonly string[] TrainingSyllables =
        ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "da", "pe", "zu", "ri", "ma", "no", "ke", "li", "sha", "tor", "vak", "mel"];

    private static readonly string[] HeldOutSyllables =
        ["aj", "ek", "ovo", "ust", "ija", "brz", "dne", "ští", "krv", "ple", "jas", "ođ", "mų", "tsi", "ckh", "wyn", "ghe", "iau"];

    private readonly Random _random;

    public FakeLanguage(Random random)
    {
        _random = random;
    }

    /// <summary>Rewrites every word of <paramref name="text"/>: shuffled letters or invented words.</summary>
    public string Rewrite(string text, bool heldOut)
    {
        var shuffle = _random.Next(2) == 0;
        var syllables = heldOut ? HeldOutSyllables : TrainingSyllables;
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            var rewritten = shuffle ? Shuffle(word) : Invent(word.Length, syllables);
            result.Append(char.IsUpper(word[0]) && rewritten.Length > 0
                ? char.ToUpperInvariant(rewritten[0]) + rewritten[1..]
                : rewritten);
        }

        return result.ToString();
    }

    private string Shuffle(string word)
    {
        if (word.Length < 3)
        {
            return word.ToLowerInvariant() == "a" ? "e" : new string([.. word.Reverse()]);
        }

        var letters = word.ToLowerInvariant().ToCharArray();
        for (var k = letters.Length - 1; k > 0; k--)
        {
            var j = _random.Next(k + 1);
            (letters[k], letters[j]) = (letters[j], letters[k]);
        }

        return new string(letters);
    }

    private string Invent(int length, string[] syllables)
    {
        var word = new StringBuilder();
        while (word.Length < Math.Max(2, length - 1))
        {
            word.Append(syllables[_random.Next(syllables.Length)]);
        }

        return word.ToString();
    }
}
