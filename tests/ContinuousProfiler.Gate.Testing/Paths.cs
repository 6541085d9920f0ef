namespace ContinuousProfiler.Gate.Testing;

/// <summary>Locates the repository root and the shared folder (../shared beside the clone).</summary>
public static class Paths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding ContinuousProfiler.Gate.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared folder: $PROFGATE_SHARED, else ../shared beside the repository.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("PROFGATE_SHARED") is { Length: > 0 } s
            ? s
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The conformance corpus folder.</summary>
    public static string Corpus => Path.Combine(Shared, "corpus");

    /// <summary>A file inside the corpus.</summary>
    public static string CorpusFile(string relative) => Path.Combine(Corpus, relative);

    /// <summary>The benchmark inputs folder.</summary>
    public static string Bench => Path.Combine(Shared, "bench");

    /// <summary>A path relative to the repository root.</summary>
    public static string InRepo(string relative) => Path.Combine(RepoRoot, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContinuousProfiler.Gate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find ContinuousProfiler.Gate.sln above " + AppContext.BaseDirectory);
    }
}
