namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// One stack frame: a function name and, where known, its module and source position.
/// Frames are interned per profile, so equal frames share one index in <see cref="Profile.Frames"/>.
/// </summary>
/// <param name="Name">The function name as the producer wrote it (never empty).</param>
/// <param name="Module">The binary, assembly or package, or <c>null</c> when unknown.</param>
/// <param name="File">The source file, or <c>null</c> when unknown.</param>
/// <param name="Line">The 1-based source line, or 0 when unknown.</param>
public sealed record Frame(string Name, string? Module = null, string? File = null, long Line = 0)
{
    /// <summary>The name frames get when a producer could not resolve them.</summary>
    public const string UnresolvedName = "[unresolved]";

    /// <summary>Formats as <c>name</c>, or <c>module!name</c> when the module is known.</summary>
    public override string ToString() => Module is null ? Name : $"{Module}!{Name}";
}
