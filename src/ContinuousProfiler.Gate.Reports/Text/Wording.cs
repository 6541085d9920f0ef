namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>Small English phrases shared by the views.</summary>
public static class Wording
{
    /// <summary><c>1 regression</c>, <c>2 regressions</c>, with thousands separators.</summary>
    public static string Plural(long count, string singular, string? plural = null) =>
        $"{NumberText.Count(count)} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>Joins phrases as <c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    /// <summary>The first 7 characters of a commit SHA.</summary>
    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
