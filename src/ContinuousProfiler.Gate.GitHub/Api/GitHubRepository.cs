using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.GitHub.Api;

/// <summary>A repository as <c>owner/name</c>.</summary>
/// <param name="Owner">The owner (user or organization).</param>
/// <param name="Name">The repository name.</param>
public sealed record GitHubRepository(string Owner, string Name)
{
    /// <summary>Parses <c>owner/name</c>; <paramref name="source"/> names where it came from in the error.</summary>
    public static GitHubRepository Parse(string? value, string source)
    {
        var parts = (value ?? "").Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new InputException($"{source}: '{value}' is not a repository; expected owner/name (set --repo or GITHUB_REPOSITORY)");
        }

        return new GitHubRepository(parts[0], parts[1]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Owner}/{Name}";
}
