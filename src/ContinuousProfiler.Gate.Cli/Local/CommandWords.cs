using System.Collections.Immutable;
using System.Text;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Local;

/// <summary>
/// Turns <c>local.command</c> from <c>.profgate.yml</c> into a command line: plain words (with '…' and "…"
/// quoting) run directly, so profgate sees <c>dotnet …</c> and picks its profiler; anything using shell
/// syntax (pipes, <c>&amp;&amp;</c>, variables, redirections) runs through <c>sh -c</c>.
/// </summary>
internal static class CommandWords
{
    private const string ShellSyntax = "|&;<>()$`*?[]{}~\\\n";

    public static ImmutableArray<string> Parse(string command, string where)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (q == '"' && c is '$' or '`' or '\\')
                {
                    return ["sh", "-c", command];
                }

                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && c != '\n')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (ShellSyntax.Contains(c, StringComparison.Ordinal))
            {
                return ["sh", "-c", command];
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new InputException($"{where}: unbalanced {quote} quote in '{command}'; close the quote");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count > 0 ? words.ToImmutable() : throw new InputException($"{where}: the command is empty; give the command that builds and runs your workload");
    }
}
