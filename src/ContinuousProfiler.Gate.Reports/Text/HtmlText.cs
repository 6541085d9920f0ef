using System.Text;

namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>HTML and XML text escaping (also used for SVG).</summary>
public static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A user-controlled name for HTML: cleaned, shortened, @/# neutralized, escaped.</summary>
    public static string Name(string name, int maxLength = int.MaxValue) => Escape(NameText.Inert(name, maxLength));
}
