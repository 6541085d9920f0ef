using System.Text;
using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Capture.Files;

/// <summary>
/// A file glob relative to a folder: <c>*</c> and <c>?</c> within one path segment, <c>**</c> across
/// segments (e.g. <c>out/**/*.pb.gz</c>). Matching is case-sensitive, with <c>/</c> as the separator.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;
    private readonly string _root;

    public GlobPattern(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        var segments = Pattern.Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        if (literal.Count == segments.Length)
        {
            literal.RemoveAt(literal.Count - 1);
        }

        _root = string.Join('/', literal);
        _regex = new Regex("^" + ToRegex(Pattern) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern as given (with <c>/</c> separators).</summary>
    public string Pattern { get; }

    /// <summary>True when the relative path (with <c>/</c> separators) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    /// <summary>The matching files under <paramref name="baseDirectory"/>, in ordinal order of their relative paths.</summary>
    public IReadOnlyList<string> Find(string baseDirectory)
    {
        var rooted = Path.IsPathRooted(Pattern);
        var start = rooted ? (_root.Length == 0 ? "/" : _root) : Path.Combine(baseDirectory, _root);
        if (!Directory.Exists(start))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(start, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            var relative = rooted ? file.Replace('\\', '/') : Path.GetRelativePath(baseDirectory, file).Replace('\\', '/');
            if (IsMatch(relative))
            {
                found.Add(file);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
