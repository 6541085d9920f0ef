using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Local;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate local [options] -- &lt;command&gt; [args…]</c>: compare the working tree with its base before pushing.</summary>
internal static class LocalCommand
{
    public static Command Create(CliContext context)
    {
        var baseOption = new Option<string?>("--base") { Description = "The commit to compare with. Default: the merge-base of HEAD and its upstream branch, else origin/HEAD, main or master." };
        var repeat = new Option<int?>("--repeat") { Description = "Profiled runs per side, interleaved base, head, base, head… Default: local.repeat (3)." };
        var config = new Option<string?>("--config") { Description = "The config file. Default: .profgate.yml at the repository root, else the built-in defaults." };
        var name = new Option<string?>("--name") { Description = "The scenario group, under which the base profiles are stored. Default: local.name (local)." };
        var profiler = new Option<string?>("--profiler") { Description = "dotnet, perf or files (see 'profgate capture'). Default: local.profiler, else chosen from the command." };
        profiler.AcceptOnlyFromAmong("dotnet", "perf", "files");
        var alloc = new Option<bool>("--alloc") { Description = "Also record and compare allocation profiles (.NET 10 allocation sampling)." };
        var timingRuns = new Option<int>("--timing-runs") { Description = "Also run the command N times per side unprofiled (interleaved) and gate scenario wall and CPU time on them.", DefaultValueFactory = _ => 0 };
        var open = new Option<bool>("--open") { Description = "Open the HTML report when done (xdg-open or open)." };
        var output = new Option<string?>("--out", "-o") { Description = "The folder for the HTML report. Default: .profgate/reports at the repository root." };
        var setsOut = new Option<string?>("--sets-out") { Description = "Also keep both ProfileSets in this folder (base/ and head/), e.g. for 'profgate gate --base'." };
        var noReport = new Option<bool>("--no-report") { Description = "Only profile (with --sets-out): no comparison and no report; exit 0 once both sets are written." };
        var hook = new Option<bool>("--hook") { Description = "Run as the pre-push hook: with no local.command configured, say so and pass.", Hidden = true };
        var commandLine = new Argument<string[]>("command")
        {
            Description = "After '--': the command that builds and runs the workload, with paths relative to the current folder (it runs in the same folder of the base's worktree). Default: local.command.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("local", "Profile the base commit and your working tree (uncommitted changes included), compare them, and gate: exit 1 on a regression.")
        {
            baseOption, repeat, config, name, profiler, alloc, timingRuns, open, output, setsOut, noReport, hook, commandLine,
        };
        command.SetAction(parse => new LocalService(context).Run(new LocalOptions(
            [.. parse.GetValue(commandLine) ?? []],
            parse.GetValue(baseOption),
            parse.GetValue(repeat),
            parse.GetValue(config),
            parse.GetValue(name),
            parse.GetValue(profiler),
            parse.GetValue(alloc),
            parse.GetValue(timingRuns),
            parse.GetValue(open),
            parse.GetValue(output),
            parse.GetValue(hook),
            parse.GetValue(setsOut),
            parse.GetValue(noReport))));
        return command;
    }
}
