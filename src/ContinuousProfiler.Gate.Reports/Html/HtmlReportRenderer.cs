using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;
using Scriban.Runtime;

namespace ContinuousProfiler.Gate.Reports.Html;

/// <summary>
/// One self-contained HTML file: verdict and findings rendered by the template, the flame graph and
/// function table drawn by the inline script from embedded JSON. A Content-Security-Policy forbids
/// every network request.
/// </summary>
public static class HtmlReportRenderer
{
    /// <summary>The template's file name.</summary>
    public const string TemplateName = "report.html.sbn";

    /// <summary>The stylesheet inlined into the page.</summary>
    public const string StyleAsset = "assets/report.css";

    /// <summary>The script inlined into the page.</summary>
    public const string ScriptAsset = "assets/report.js";

    private static readonly ViewLimits Limits = ViewLimits.Full with { Rows = 200, FlamePaths = 0 };

    /// <summary>Writes the report; <paramref name="inlineAssets"/> false writes placeholders instead of the CSS/JS (for golden files).</summary>
    public static void Render(ReportInput input, TemplateSource source, TextWriter output, bool inlineAssets = true)
    {
        var view = ReportViewBuilder.Build(input, ReportDialect.Html, Limits);
        var globals = new Dictionary<string, object?>
        {
            ["report"] = view,
            ["data_json"] = ReportDataWriter.Write(input),
            ["assets"] = new ScriptObject
            {
                ["css"] = inlineAssets ? source.Read(StyleAsset) : $"/* {StyleAsset} */",
                ["js"] = inlineAssets ? SafeScript(source.Read(ScriptAsset)) : $"/* {ScriptAsset} */",
            },
        };
        TemplateRenderer.Render(source, TemplateName, globals, output);
    }

    // An overriding script must not end the script element early.
    private static string SafeScript(string script) => script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
