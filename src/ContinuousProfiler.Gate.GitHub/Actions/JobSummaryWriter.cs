using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.GitHub.Actions;

/// <summary>Appends Markdown to the job summary file (<c>$GITHUB_STEP_SUMMARY</c>).</summary>
public static class JobSummaryWriter
{
    /// <summary>Appends <paramref name="markdown"/> (and a final newline) to the file at <paramref name="path"/>.</summary>
    public static void Append(string markdown, string path)
    {
        try
        {
            File.AppendAllText(path, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"GITHUB_STEP_SUMMARY={path}: cannot append the job summary ({e.Message}); the runner sets this variable, leave it unset outside Actions");
        }
    }
}
