using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>What <c>profgate import</c> was asked to do.</summary>
/// <param name="Files">The profile files, any format the importers read.</param>
/// <param name="OutputDirectory">The ProfileSet folder to write.</param>
/// <param name="Name">The scenario (all files become its runs) and group; null: one scenario per file name stem.</param>
/// <param name="Commit">The commit SHA to record; null: the current git repository's HEAD.</param>
/// <param name="WorkingDirectory">Where relative paths resolve and git is asked.</param>
public sealed record ImportOptions(ImmutableArray<string> Files, string OutputDirectory, string? Name = null, string? Commit = null, string? WorkingDirectory = null)
{
    /// <summary>The working directory, defaulting to the current one.</summary>
    public string Directory => WorkingDirectory ?? Environment.CurrentDirectory;
}
