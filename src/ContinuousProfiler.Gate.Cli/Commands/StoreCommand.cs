using System.CommandLine;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate store put|get|list|prune|baseline</c>: ProfileSets kept per commit, locally or as GitHub Actions artifacts.</summary>
internal static class StoreCommand
{
    public static Command Create(CliContext context) => new("store", "Keep ProfileSets per commit and scenario group (local folder, or GitHub Actions artifacts read-only) and pick the baseline for a comparison.")
    {
        StorePutCommand.Create(context),
        StoreGetCommand.Create(context),
        StoreListCommand.Create(context),
        StorePruneCommand.Create(context),
        StoreBaselineCommand.Create(context),
    };
}
