using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;

namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>
/// Maps a frame to the function name used to match base and head, so that a rebuild does not turn
/// into "everything removed, everything added". The built-in rules run first (addresses, .NET
/// pseudo-frames, JIT tiers, perf-map names, compiler-generated async/lambda/local-function names,
/// generic arity, argument lists, Go closures and type arguments, Rust hashes, V8 positions, module
/// case), then the user's <see cref="RewriteRule"/>s in order. Results are cached per distinct frame;
/// instances are thread-safe.
/// </summary>
public sealed class FrameNormalizer
{
    /// <summary>How long one user regex may run on one name before it is treated as broken.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> PseudoFrames = new(StringComparer.Ordinal)
    {
        "CPU_TIME", "UNMANAGED_CODE_TIME", "BROKEN", "Threads", "(Non-Activities)", "Thread", Frame.UnresolvedName,
        "(program)", "(idle)", "(root)",
    };

    private readonly (Regex Pattern, string Replacement)[] _rules;
    private readonly ConcurrentDictionary<Frame, string> _cache = new();

    /// <summary>A normalizer with the built-in rules and the given user rewrites (applied in order).</summary>
    public FrameNormalizer(IEnumerable<RewriteRule>? rewrites = null)
    {
        _rules = (rewrites ?? []).Select(r => (Compile(r.Pattern), r.Replacement)).ToArray();
        NameOf = Normalize;
    }

    /// <summary>The built-in rules only.</summary>
    public static FrameNormalizer Default { get; } = new();

    /// <summary>The normalizer for a policy (its <c>normalize:</c> rewrites).</summary>
    public static FrameNormalizer For(GatePolicy policy) =>
        policy.Normalize.IsDefaultOrEmpty ? Default : new FrameNormalizer(policy.Normalize);

    /// <summary>
    /// <see cref="Normalize(Frame)"/> as a delegate for <c>FunctionSummary.Compute</c> and <c>CallTree.Build</c>.
    /// </summary>
    public Func<Frame, string> NameOf { get; }

    /// <summary>The normalized function name of <paramref name="frame"/> (never empty).</summary>
    public string Normalize(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return _cache.TryGetValue(frame, out var name) ? name : _cache.GetOrAdd(frame, Compute(frame));
    }

    /// <summary>The normalized form of a bare function name.</summary>
    public string Normalize(string name) => Normalize(new Frame(name));

    /// <summary>
    /// True for names that are not code: PerfView's synthetic frames (<c>CPU_TIME</c>,
    /// <c>UNMANAGED_CODE_TIME</c>, <c>BROKEN</c>, <c>Thread</c>, <c>Process …</c>, <c>Threads</c>,
    /// <c>(Non-Activities)</c>), V8's <c>(program)</c>, <c>(idle)</c> and <c>(root)</c>, and <c>[unresolved]</c>.
    /// A gate should not report these as functions.
    /// </summary>
    public static bool IsPseudoFrame(string normalizedName) =>
        PseudoFrames.Contains(normalizedName) || normalizedName.StartsWith("Process ", StringComparison.Ordinal);

    private string Compute(Frame frame)
    {
        var name = BuiltInNormalization.Apply(frame);
        if (_rules.Length == 0)
        {
            return name;
        }

        var rewritten = name;
        foreach (var (pattern, replacement) in _rules)
        {
            try
            {
                rewritten = pattern.Replace(rewritten, replacement);
            }
            catch (RegexMatchTimeoutException)
            {
                throw new InputException($"normalize rule '{pattern}' took over {RegexTimeout.TotalSeconds:0} s on the frame name '{name}'; simplify the pattern");
            }
        }

        // A rewrite to nothing would merge unrelated frames into one empty name; keep the built-in name.
        return rewritten.Trim().Length == 0 ? name : rewritten.Trim();
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"normalize rule '{pattern}' is not a valid .NET regular expression: {e.Message}");
        }
    }
}
