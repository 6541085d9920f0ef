using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;

/// <summary>
/// The subset of GitHub Actions expressions the action and workflows use: property paths
/// (<c>inputs.x</c>, <c>github.event.pull_request.head.sha</c>, <c>steps.id.outputs.name</c>),
/// string literals, <c>true</c>/<c>false</c>/<c>null</c>, <c>==</c>, <c>!=</c>, <c>!</c>, <c>&amp;&amp;</c>,
/// <c>||</c> (returning an operand, like GitHub) and parentheses. Anything else throws, so a test fails
/// when the files start using a construct this evaluator would get wrong.
/// </summary>
public sealed class Expression
{
    private readonly List<string> _tokens;
    private readonly Func<IReadOnlyList<string>, object?> _lookup;
    private int _at;

    private Expression(string text, Func<IReadOnlyList<string>, object?> lookup)
    {
        _tokens = Tokenize(text);
        _lookup = lookup;
    }

    /// <summary>Evaluates an expression (without <c>${{ }}</c>).</summary>
    public static object? Evaluate(string text, Func<IReadOnlyList<string>, object?> lookup)
    {
        var e = new Expression(text, lookup);
        var value = e.Or();
        if (e._at != e._tokens.Count)
        {
            throw new NotSupportedException($"expression '{text}': unexpected '{e._tokens[e._at]}'");
        }

        return value;
    }

    /// <summary>Replaces every <c>${{ … }}</c> in <paramref name="text"/> with its value as a string.</summary>
    public static string Interpolate(string text, Func<IReadOnlyList<string>, object?> lookup)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var start = text.IndexOf("${{", at, StringComparison.Ordinal);
            if (start < 0)
            {
                return result.Append(text, at, text.Length - at).ToString();
            }

            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            result.Append(text, at, start - at).Append(AsString(Evaluate(text[(start + 3)..end], lookup)));
            at = end + 2;
        }
    }

    /// <summary>GitHub's truthiness: null, false, empty string and 0 are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0,
        JsonValue v => IsTruthy(Plain(v)),
        _ => true,
    };

    /// <summary>The value as GitHub prints it into text.</summary>
    public static string AsString(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        string s => s,
        JsonValue v => AsString(Plain(v)),
        JsonNode n => n.ToJsonString(),
        _ => value.ToString() ?? "",
    };

    private static object? Plain(JsonValue v) =>
        v.TryGetValue<string>(out var s) ? s
        : v.TryGetValue<bool>(out var b) ? b
        : v.TryGetValue<double>(out var d) ? d
        : v.ToJsonString();

    private object? Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = IsTruthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Accept("&&"))
        {
            var right = Comparison();
            left = IsTruthy(left) ? right : left;
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Unary();
        if (Accept("=="))
        {
            return Equal(left, Unary());
        }

        if (Accept("!="))
        {
            return !Equal(left, Unary());
        }

        return left;
    }

    private object? Unary()
    {
        if (Accept("!"))
        {
            return !IsTruthy(Unary());
        }

        if (Accept("("))
        {
            var value = Or();
            Expect(")");
            return value;
        }

        var token = Next();
        if (token.StartsWith('\''))
        {
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        switch (token)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (Peek() == "(")
        {
            throw new NotSupportedException($"function {token}() is not supported by the test evaluator");
        }

        var path = new List<string> { token };
        while (Accept("."))
        {
            path.Add(Next());
        }

        return _lookup(path);
    }

    // GitHub compares strings case-insensitively (null reads as ''); the files only compare strings.
    private static bool Equal(object? a, object? b) =>
        string.Equals(AsString(a), AsString(b), StringComparison.OrdinalIgnoreCase);

    private bool Accept(string token)
    {
        if (Peek() == token)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new NotSupportedException($"expected '{token}' at token {_at}");
        }
    }

    private string? Peek() => _at < _tokens.Count ? _tokens[_at] : null;

    private string Next() => _at < _tokens.Count ? _tokens[_at++] : throw new NotSupportedException("unexpected end of expression");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (true)
                {
                    end = text.IndexOf('\'', end);
                    if (end < 0)
                    {
                        throw new NotSupportedException($"unterminated string in '{text}'");
                    }

                    if (end + 1 < text.Length && text[end + 1] == '\'')
                    {
                        end += 2;
                        continue;
                    }

                    break;
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "&&" or "||")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '.' or '(' or ')' or '!')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                throw new NotSupportedException($"character '{c}' in '{text}' is not supported by the test evaluator");
            }
        }

        return tokens;
    }
}
