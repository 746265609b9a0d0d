using System.Text;

namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// Turns the <c>expected_phrase</c> column into the literal phrase an author would have written.
/// </summary>
/// <remarks>
/// Rules, in order: surrounding and escaped quotes go; <c>[context words]</c> go (they name what the phrase
/// refers to, they are not part of it); <c>(remarks)</c> go unless the same parenthesis is in the tortured phrase
/// (a shared acronym such as "(IT)"); a remark or trailing mark with <c>?</c> makes the phrase uncertain but
/// usable, unless nothing else is left (<c>???</c>); a slash not present in the tortured phrase or a
/// word "or" means alternatives and the row is skipped.
/// </remarks>
internal static class ExpectedPhrase
{
    /// <summary>Cleans <paramref name="raw"/>; returns null with a reason when the row cannot be used.</summary>
    public static string? Clean(string raw, string tortured, out bool uncertain, out SkipReason reason)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(tortured);
        uncertain = false;
        reason = SkipReason.UnknownExpected;
        var text = raw.Replace("\\\"", "\"", StringComparison.Ordinal).Trim().Trim('"').Trim();
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var close = c switch
            {
                '[' => text.IndexOf(']', i + 1),
                '(' => text.IndexOf(')', i + 1),
                _ => -1,
            };
            if (close < 0)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var group = text[i..(close + 1)];
            if (group.Contains('?', StringComparison.Ordinal))
            {
                uncertain = true;
            }

            if (c == '(' && tortured.Contains(group, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(group);
            }

            i = close + 1;
        }

        var cleaned = CollapseSpaces(builder.ToString());
        var withoutQuestion = cleaned.TrimEnd('?', ' ');
        if (withoutQuestion.Length != cleaned.Length)
        {
            uncertain = true;
        }

        cleaned = withoutQuestion.Trim().Trim('"', ',', ';', '.').Trim();
        if (cleaned.Length == 0 || !cleaned.Any(char.IsLetterOrDigit))
        {
            return null;
        }

        if (HasAlternatives(cleaned, tortured))
        {
            reason = SkipReason.AlternativeExpected;
            return null;
        }

        if (string.Equals(cleaned, tortured.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            reason = SkipReason.NoSubstitution;
            return null;
        }

        return cleaned;
    }

    private static bool HasAlternatives(string cleaned, string tortured)
    {
        foreach (var word in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (word.Contains('/', StringComparison.Ordinal) && !tortured.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
