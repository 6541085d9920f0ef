namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>A user frame-name rewrite applied after the built-in normalization: a .NET regex and its replacement.</summary>
/// <param name="Pattern">The regular expression (culture-invariant, ordinal).</param>
/// <param name="Replacement">The replacement, with <c>$1</c>-style groups.</param>
public sealed record RewriteRule(string Pattern, string Replacement);
