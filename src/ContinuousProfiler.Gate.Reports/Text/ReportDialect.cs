using System.Text;

namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>
/// How user-controlled text is made inert for one output format. View models hold text already escaped
/// by the dialect of the format they are rendered to, so templates never escape anything.
/// </summary>
public abstract class ReportDialect
{
    /// <summary>GitHub-flavoured Markdown (comment, job summary).</summary>
    public static readonly ReportDialect Markdown = new MarkdownDialect();

    /// <summary>HTML and SVG.</summary>
    public static readonly ReportDialect Html = new HtmlDialect();

    /// <summary>Plain text for a terminal.</summary>
    public static readonly ReportDialect Plain = new PlainDialect();

    /// <summary>A function or scenario name in running text or a table cell.</summary>
    public abstract string Name(string name, int maxLength);

    /// <summary>A name inside raw HTML (e.g. a Markdown <c>&lt;summary&gt;</c>).</summary>
    public virtual string NameInHtml(string name, int maxLength) => HtmlText.Name(name, maxLength);

    /// <summary>A sentence from the engine or the environment.</summary>
    public abstract string Prose(string text, int maxLength);

    /// <summary>One line of a code block (already built from cleaned names).</summary>
    public abstract string CodeLine(string line);

    /// <summary>A link target; empty when the URL is not http(s).</summary>
    public abstract string Url(string? url);

    /// <summary>An absolute http(s) URL with characters that could end a Markdown link or an HTML attribute percent-encoded.</summary>
    protected static string SafeUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "";
        }

        var builder = new StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            if (c <= ' ' || c >= 0x7F || "()<>\"'`\\|[]{}".Contains(c, StringComparison.Ordinal))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class MarkdownDialect : ReportDialect
    {
        public override string Name(string name, int maxLength) => MarkdownText.CodeInCell(name, maxLength);

        public override string Prose(string text, int maxLength) => MarkdownText.Prose(text, maxLength);

        public override string CodeLine(string line) => line;

        public override string Url(string? url) => SafeUrl(url);
    }

    private sealed class HtmlDialect : ReportDialect
    {
        public override string Name(string name, int maxLength) => HtmlText.Name(name, maxLength);

        public override string Prose(string text, int maxLength) => HtmlText.Escape(NameText.Inert(text, maxLength));

        public override string CodeLine(string line) => HtmlText.Escape(line);

        public override string Url(string? url) => HtmlText.Escape(SafeUrl(url));
    }

    private sealed class PlainDialect : ReportDialect
    {
        public override string Name(string name, int maxLength) => NameText.Clean(name, maxLength);

        public override string NameInHtml(string name, int maxLength) => NameText.Clean(name, maxLength);

        public override string Prose(string text, int maxLength) => NameText.Clean(text, maxLength);

        public override string CodeLine(string line) => line;

        public override string Url(string? url) => SafeUrl(url);
    }
}
