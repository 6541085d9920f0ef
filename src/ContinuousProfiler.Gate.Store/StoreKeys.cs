using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Store;

/// <summary>The keys sets are stored under: a full commit SHA and a scenario group name.</summary>
public static class StoreKeys
{
    /// <summary>The artifact-name prefix: artifacts are named <c>profgate-&lt;sha&gt;-&lt;group&gt;</c>.</summary>
    public const string ArtifactPrefix = "profgate-";

    /// <summary>True for a full SHA-1 (40) or SHA-256 (64) object name in lowercase hex.</summary>
    public static bool IsFullSha(string value) =>
        value.Length is 40 or 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Returns the commit if it is a full lowercase SHA, or throws naming <paramref name="where"/>.</summary>
    public static string CheckCommit(string commit, string where) =>
        IsFullSha(commit) ? commit : throw new InputException($"{where}: '{commit}' is not a full commit SHA; expected 40 lowercase hex digits (resolve it with 'git rev-parse <rev>')");

    /// <summary>True when a group name is safe as a folder and artifact name part.</summary>
    public static bool IsValidGroup(string group) =>
        group.Length is > 0 and <= 100 && group[0] != '.' && group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Returns the group or throws naming <paramref name="where"/>.</summary>
    public static string CheckGroup(string group, string where) =>
        IsValidGroup(group) ? group : throw new InputException($"{where}: scenario group '{group}' is not a valid name; expected 1-100 characters of A-Z a-z 0-9 . _ - (not starting with '.'); rename it with capture's --name");

    /// <summary>The artifact name of a commit's set.</summary>
    public static string ArtifactName(string commit, string group) => $"{ArtifactPrefix}{commit}-{group}";

    /// <summary>Splits an artifact name into commit and group, or returns false for other artifacts.</summary>
    public static bool TryParseArtifactName(string name, out string commit, out string group)
    {
        commit = group = "";
        if (!name.StartsWith(ArtifactPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[ArtifactPrefix.Length..];
        foreach (var length in new[] { 40, 64 })
        {
            if (rest.Length > length + 1 && rest[length] == '-' && IsFullSha(rest[..length]) && IsValidGroup(rest[(length + 1)..]))
            {
                commit = rest[..length];
                group = rest[(length + 1)..];
                return true;
            }
        }

        return false;
    }

    /// <summary>The first 7 characters of a SHA, for messages.</summary>
    public static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
