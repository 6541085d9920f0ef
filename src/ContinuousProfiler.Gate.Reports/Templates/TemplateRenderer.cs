using System.Collections.Concurrent;
using ContinuousProfiler.Gate.Core;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ContinuousProfiler.Gate.Reports.Templates;

/// <summary>
/// Renders a Scriban template with strict variables and strict member access: a misspelt variable or a
/// syntax error fails with the template's path, line and column instead of rendering an empty string.
/// </summary>
public static class TemplateRenderer
{
    private static readonly ConcurrentDictionary<string, Template> Parsed = new(StringComparer.Ordinal);

    /// <summary>Renders <paramref name="name"/> from <paramref name="source"/> with <paramref name="globals"/> to <paramref name="output"/>.</summary>
    public static void Render(TemplateSource source, string name, IReadOnlyDictionary<string, object?> globals, TextWriter output)
    {
        var text = source.Read(name, out var path);
        var template = Parsed.GetOrAdd(path + "\0" + text, _ => Template.Parse(text, path));
        if (template.HasErrors)
        {
            throw new InputException($"template {path}: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        var scriptObject = new ScriptObject();
        foreach (var (key, value) in globals)
        {
            scriptObject[key] = value;
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            LoopLimit = 0,
            LimitToString = 0,
            OutputLimit = 0,
            RecursiveLimit = 100,
            NewLine = "\n",
            MemberRenamer = StandardMemberRenamer.Default,
        };
        context.PushGlobal(scriptObject);
        context.PushOutput(new TextWriterOutput(output));
        try
        {
            template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new InputException($"template {e.Span.FileName}({e.Span.Start.Line + 1},{e.Span.Start.Column + 1}): {e.OriginalMessage}");
        }
    }
}
