using Xunit;

namespace ContinuousProfiler.Gate.Testing;

/// <summary>
/// Golden-file assertions. Run with <c>UPDATE_GOLDEN=1</c> to rewrite the files instead of comparing
/// (then review the diff in git).
/// </summary>
public static class Golden
{
    /// <summary>Compares <paramref name="actual"/> with the golden file at <paramref name="repoRelativePath"/>.</summary>
    public static void Assert(string actual, string repoRelativePath)
    {
        var path = Paths.InRepo(repoRelativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"golden file {repoRelativePath} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Xunit.Assert.Equal(expected, actual);
    }
}
