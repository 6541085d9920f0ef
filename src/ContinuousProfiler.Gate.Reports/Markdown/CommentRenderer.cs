using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;

namespace ContinuousProfiler.Gate.Reports.Markdown;

/// <summary>
/// The PR comment. GitHub rejects bodies over 65,536 characters, so the comment is rendered with
/// smaller and smaller tables until it fits; a template can therefore never be cut mid-markup.
/// </summary>
public static class CommentRenderer
{
    /// <summary>The template's file name.</summary>
    public const string TemplateName = "comment.md.sbn";

    /// <summary>The most UTF-16 units a comment may have: GitHub's 65,536 less a margin for emoji GitHub may count differently.</summary>
    public const int MaxLength = 65_000;

    /// <summary>Renders the comment to a string that is at most <see cref="MaxLength"/> long.</summary>
    public static string Render(ReportInput input, TemplateSource source)
    {
        for (ViewLimits? limits = ViewLimits.Comment; limits is not null; limits = limits.Smaller())
        {
            var text = RenderOnce(input, source, limits);
            if (text.Length <= MaxLength)
            {
                return text;
            }
        }

        return Minimal(input);
    }

    /// <summary>Renders once within <paramref name="limits"/>, whatever the length.</summary>
    public static string RenderOnce(ReportInput input, TemplateSource source, ViewLimits limits)
    {
        var view = ReportViewBuilder.Build(input, ReportDialect.Markdown, limits);
        using var writer = new StringWriter { NewLine = "\n" };
        TemplateRenderer.Render(source, TemplateName, new Dictionary<string, object?> { ["report"] = view }, writer);
        return writer.ToString();
    }

    // The last resort when even empty tables overflow (a template that repeats itself, say): marker, verdict, links.
    private static string Minimal(ReportInput input)
    {
        var view = ReportViewBuilder.Build(input, ReportDialect.Markdown, new ViewLimits(0, 0, 1, 40, 0));
        var links = view.Links.ReportUrl.Length > 0 ? $"\n\n[Full report]({view.Links.ReportUrl})" : "";
        var text = $"{view.Marker}\n### {view.Verdict.Icon} {view.Verdict.Title}: {view.Verdict.Sentence}\n\nThe full comment did not fit GitHub's size limit.{links}\n";
        return text.Length <= MaxLength ? text : $"{view.Marker}\n### {view.Verdict.Icon} {view.Verdict.Title}\n";
    }
}
