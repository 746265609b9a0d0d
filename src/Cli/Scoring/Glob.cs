using System.Text;
using System.Text.RegularExpressions;

namespace SpinDetect.Cli.Scoring;

/// <summary>
/// A file-name pattern: <c>*</c> matches within one path segment, <c>**</c> across segments, <c>?</c> one character,
/// <c>[abc]</c> a set. Matching ignores case. A pattern without <c>/</c> is matched against the file or folder name,
/// one with <c>/</c> against the path relative to the folder named on the command line.
/// </summary>
internal sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        MatchesPath = pattern.Contains('/', StringComparison.Ordinal);
        _regex = new Regex(ToRegex(pattern.TrimStart('/')), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Compiles every pattern of <paramref name="patterns"/>, or names the first that is not a valid pattern.</summary>
    public static bool TryParseAll(IEnumerable<string> patterns, out IReadOnlyList<Glob> globs, out string? error)
    {
        var parsed = new List<Glob>();
        globs = parsed;
        foreach (var pattern in patterns)
        {
            try
            {
                parsed.Add(new Glob(pattern));
            }
            catch (ArgumentException e)
            {
                // Empty patterns, and sets the regular-expression engine refuses ("[]", "[z-a]").
                error = string.IsNullOrWhiteSpace(pattern)
                    ? "an empty --include or --exclude pattern"
                    : $"bad pattern '{pattern}': {(e is RegexParseException parse ? Words(parse.Error.ToString()) : e.Message)}";
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>"ReversedCharacterRange" as "reversed character range".</summary>
    private static string Words(string name) => Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Whether the pattern is matched against the relative path rather than the name.</summary>
    public bool MatchesPath { get; }

    /// <summary>Whether the entry with <paramref name="name"/> at <paramref name="relativePath"/> ('/'-separated) matches.</summary>
    public bool IsMatch(string name, string relativePath) => _regex.IsMatch(MatchesPath ? relativePath : name);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
