using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// The profile's own <c>drop_frames</c>/<c>keep_frames</c> expressions, matched the way google/pprof's
/// <c>Prune</c> does: against the whole function name with a leading '.' and the argument list removed.
/// </summary>
internal sealed class PprofDropFrames
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _drop;
    private readonly Regex? _keep;
    private readonly Dictionary<string, bool> _cache = new(StringComparer.Ordinal);

    private PprofDropFrames(Regex drop, Regex? keep)
    {
        _drop = drop;
        _keep = keep;
    }

    /// <summary>Returns null when the profile sets no <c>drop_frames</c>.</summary>
    public static PprofDropFrames? Create(string drop, string keep, string source)
    {
        if (drop.Length == 0)
        {
            return null;
        }

        return new PprofDropFrames(Compile(drop, "drop_frames", source), keep.Length == 0 ? null : Compile(keep, "keep_frames", source));
    }

    /// <summary>True when a frame of this function starts the part of a stack to remove.</summary>
    public bool Drops(string functionName)
    {
        if (functionName.Length == 0)
        {
            return false;
        }

        if (!_cache.TryGetValue(functionName, out var drops))
        {
            var name = Simplify(functionName);
            drops = _drop.IsMatch(name) && (_keep is null || !_keep.IsMatch(name));
            _cache.Add(functionName, drops);
        }

        return drops;
    }

    private static string Simplify(string name)
    {
        if (name.StartsWith('.'))
        {
            name = name[1..];
        }

        var paren = name.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && !name.AsSpan(paren).StartsWith("(anonymous namespace)", StringComparison.Ordinal) ? name[..paren] : name;
    }

    private static Regex Compile(string pattern, string field, string source)
    {
        try
        {
            return new Regex("^(" + pattern + ")$", RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{source}: the profile's {field} is not a valid regular expression ({e.Message}); expected an RE2-style pattern such as 'runtime\\.sigprof|__restore'");
        }
    }
}
