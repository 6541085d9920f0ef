using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>The bound options of <c>store prune</c>.</summary>
internal sealed record StorePruneOptions(int? Keep, string? OlderThan, StoreSelection Store);

/// <summary><c>profgate store prune [--keep N] [--older-than 30d]</c> on the local store.</summary>
internal static partial class StorePruneCommand
{
    public static Command Create(CliContext context)
    {
        var keep = new Option<int?>("--keep") { Description = "Keep the N most recently stored commits of each scenario group." };
        var olderThan = new Option<string?>("--older-than") { Description = "Remove sets stored longer ago than this: 30d, 12h, 90m or 2w." };
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("prune", "Remove old sets from the local store.") { keep, olderThan }, github: false);
        command.SetAction(parse => Run(new StorePruneOptions(parse.GetValue(keep), parse.GetValue(olderThan), store.Bind(parse)), context));
        return command;
    }

    private static int Run(StorePruneOptions options, CliContext context)
    {
        if (options.Keep is null && options.OlderThan is null)
        {
            throw new InputException("store prune: say what to remove with --keep N and/or --older-than AGE (e.g. --older-than 30d)");
        }

        var local = options.Store.OpenLocal("prune");
        var limit = options.OlderThan is { } age ? DateTimeOffset.UtcNow - ParseAge(age) : (DateTimeOffset?)null;
        var removed = local.Prune(options.Keep, limit);
        foreach (var set in removed)
        {
            context.Out.WriteLine($"removed {set.Commit} group '{set.Group}' (stored {set.StoredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z)");
        }

        context.Out.WriteLine($"removed {removed.Count} set(s); {local.List(null).Count} left in {local.Root}");
        return ExitCodes.Pass;
    }

    /// <summary>Parses <c>30d</c>, <c>12h</c>, <c>90m</c>, <c>2w</c>.</summary>
    internal static TimeSpan ParseAge(string value)
    {
        var match = AgePattern().Match(value);
        if (!match.Success)
        {
            throw new InputException($"--older-than {value}: expected a number and a unit, e.g. 30d, 12h, 90m or 2w");
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
    }

    [GeneratedRegex(@"^(\d{1,6})([mhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
