namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>The hottest call paths to a regressed function, as text (<c>Main › Handler › Parse ▲ +12.4%</c>).</summary>
/// <param name="Function">The function for a raw-HTML <c>&lt;summary&gt;</c> (HTML-escaped).</param>
/// <param name="Change">The finding's change, e.g. <c>+12.4%</c>.</param>
/// <param name="Fence">A code fence no line can close.</param>
/// <param name="Lines">One line per path (escaped for the format's code blocks).</param>
public sealed record FlamePathView(string Function, string Change, string Fence, IReadOnlyList<string> Lines);
