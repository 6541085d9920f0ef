using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.GitHub.Actions;

/// <summary>
/// Writes step outputs in the <c>$GITHUB_OUTPUT</c> file format: <c>name=value</c> lines, or a
/// heredoc with a random delimiter when the value spans lines (so a value can never inject another output).
/// </summary>
public static class StepOutputWriter
{
    /// <summary>Writes <paramref name="outputs"/> in name order to <paramref name="writer"/>.</summary>
    public static void Write(IReadOnlyDictionary<string, string> outputs, TextWriter writer)
    {
        foreach (var (name, value) in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (value.Contains('\n') || value.Contains('\r'))
            {
                var delimiter = "profgate_" + Guid.NewGuid().ToString("N");
                writer.Write($"{name}<<{delimiter}\n{value}\n{delimiter}\n");
            }
            else
            {
                writer.Write($"{name}={value}\n");
            }
        }
    }

    /// <summary>Appends <paramref name="outputs"/> to the file at <paramref name="path"/> (the runner reads it after the step).</summary>
    public static void Append(IReadOnlyDictionary<string, string> outputs, string path)
    {
        try
        {
            using var writer = new StreamWriter(path, append: true);
            Write(outputs, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"GITHUB_OUTPUT={path}: cannot append the step outputs ({e.Message}); the runner sets this variable, leave it unset outside Actions");
        }
    }
}
