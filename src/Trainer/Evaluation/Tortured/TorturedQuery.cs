namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// A parsed Problematic-Paper-Screener query: quoted phrases (<c>"crimson fruit"</c>), bare words,
/// <c>AND</c>/<c>OR</c>/<c>NOT</c>, parentheses, and proximity <c>"a b"~N</c>. Only the shape matters to the
/// evaluation: a query that is one quoted phrase and nothing else is a literal phrase we can put in a sentence.
/// </summary>
internal sealed class TorturedQuery
{
    private TorturedQuery(IReadOnlyList<QueryTerm> terms, QueryOperators operators, string? problem)
    {
        Terms = terms;
        Operators = operators;
        Problem = problem;
    }

    /// <summary>The terms in query order.</summary>
    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The operators used outside quotes.</summary>
    public QueryOperators Operators { get; }

    /// <summary>Why the query could not be read (unterminated quote, unknown operator, …), or null.</summary>
    public string? Problem { get; }

    /// <summary>Whether the query is malformed.</summary>
    public bool IsMalformed => Problem is not null;

    /// <summary>Whether the query is exactly one quoted phrase with no operator.</summary>
    public bool IsSinglePhrase =>
        Problem is null && Operators == QueryOperators.None && Terms.Count == 1 && Terms[0].Quoted;

    /// <summary>Parses a query. Never throws on bad syntax: a malformed query carries <see cref="Problem"/>.</summary>
    public static TorturedQuery Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = new List<QueryTerm>();
        var operators = QueryOperators.None;
        var negateNext = false;
        var expectTerm = true; // false right after a term: the next item must be an operator or ')'
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                operators |= QueryOperators.Grouping;
                i++;
                continue;
            }

            if (c == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return Malformed(terms, operators, "unterminated quote");
                }

                var text = query[(i + 1)..close].Trim();
                if (text.Length == 0)
                {
                    return Malformed(terms, operators, "empty quoted phrase");
                }

                i = close + 1;
                int? proximity = null;
                if (i < query.Length && query[i] == '~')
                {
                    var start = ++i;
                    while (i < query.Length && char.IsAsciiDigit(query[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        return Malformed(terms, operators, "'~' without a number");
                    }

                    proximity = int.Parse(query.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
                    operators |= QueryOperators.Proximity;
                }

                if (!expectTerm)
                {
                    return Malformed(terms, operators, "two terms without an operator between them");
                }

                terms.Add(new QueryTerm(text, Quoted: true, negateNext, proximity));
                negateNext = false;
                expectTerm = false;
                continue;
            }

            var end = i;
            while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('"' or '(' or ')'))
            {
                end++;
            }

            var word = query[i..end];
            i = end;
            var op = word switch
            {
                "AND" => QueryOperators.And,
                "OR" => QueryOperators.Or,
                "NOT" => QueryOperators.Not,
                _ => QueryOperators.None,
            };
            if (op != QueryOperators.None)
            {
                // "NOT" may follow "AND" ("a AND NOT b"); any other operator needs a term before it.
                if (expectTerm && !(op == QueryOperators.Not && terms.Count > 0))
                {
                    return Malformed(terms, operators, $"operator {word} without a term before it");
                }

                operators |= op;
                negateNext = op == QueryOperators.Not;
                expectTerm = true;
                continue;
            }

            if (!expectTerm)
            {
                // Bare words continue a bare term ("AND business intelligence"); after a quoted phrase they are an
                // unknown operator such as a typo ("ADN").
                var last = terms[^1];
                if (last.Quoted)
                {
                    return Malformed(terms, operators, $"unknown operator '{word}'");
                }

                terms[^1] = last with { Text = last.Text + " " + word };
                continue;
            }

            terms.Add(new QueryTerm(word, Quoted: false, negateNext, null));
            negateNext = false;
            expectTerm = false;
        }

        if (terms.Count == 0)
        {
            return Malformed(terms, operators, "no term");
        }

        return expectTerm
            ? Malformed(terms, operators, "operator at the end")
            : new TorturedQuery(terms, operators, null);
    }

    private static TorturedQuery Malformed(List<QueryTerm> terms, QueryOperators operators, string problem) =>
        new(terms, operators, problem);
}
