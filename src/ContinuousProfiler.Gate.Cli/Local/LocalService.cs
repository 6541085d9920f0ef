using ContinuousProfiler.Gate.Cli.Comparing;
using ContinuousProfiler.Gate.Config;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Local;
using ContinuousProfiler.Gate.Local.Hooks;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Local;

/// <summary>
/// <c>profgate local</c>: profile the base commit and the working tree (interleaved, or the base from the
/// local store), compare, print the verdict and tables, write the HTML report; exit 0/1/2.
/// </summary>
internal sealed class LocalService(CliContext context)
{
    public int Run(LocalOptions options)
    {
        var cwd = Environment.CurrentDirectory;
        var repository = LocalCapture.Repository(cwd);
        var policy = options.Config is { } config ? ConfigLoader.Load(config) : ConfigLoader.LoadOrDefault(repository.Root);
        var command = !options.Command.IsDefaultOrEmpty ? options.Command
            : policy.Local.Command is { } configured ? CommandWords.Parse(configured, "local.command")
            : default;
        if (command.IsDefaultOrEmpty)
        {
            if (options.Hook)
            {
                context.Error.WriteLine($"profgate: pre-push check skipped: no local.command in {ConfigLoader.FileName} (set it to the command that builds and runs your workload)");
                return ExitCodes.Pass;
            }

            throw new InputException($"local: no command given; put it after '--' (e.g. profgate local -- dotnet run -c Release --project bench/Foo) or set local.command in {ConfigLoader.FileName}");
        }

        if (options.TimingRuns < 0)
        {
            throw new InputException($"--timing-runs {options.TimingRuns}: expected a whole number of at least 0");
        }

        if (options.NoReport && options.SetsOut is null)
        {
            throw new InputException("--no-report: nothing would be kept; add --sets-out DIR to keep the two ProfileSets");
        }

        var progress = new ProgressReporter(context.Error, context.IsTerminal);
        ResolvedBase resolved;
        try
        {
            resolved = BaseResolver.Resolve(repository, options.Base);
        }
        catch (InputException e) when (options.Hook)
        {
            context.Error.WriteLine($"profgate: pre-push check skipped: {e.Message}");
            return ExitCodes.Pass;
        }

        var request = new LocalRequest(
            cwd,
            command,
            options.Repeat ?? policy.Local.Repeat,
            StoreKeys.CheckGroup(options.Name ?? policy.Local.Name, "--name"),
            ProfilerOption.Parse(options.Profiler ?? policy.Local.Profiler),
            options.Alloc,
            options.TimingRuns);
        var scratch = Path.Combine(Path.GetTempPath(), $"profgate-local-{Guid.NewGuid():N}");
        using var interruption = new Interruption();
        using var cleanup = interruption.AtForcedExit(() => SetDirectory.TryDelete(scratch));
        try
        {
            var sets = new LocalCapture(progress, interruption).Run(request, resolved, scratch);
            if (options.SetsOut is { } setsOut)
            {
                Keep(sets.BaseSet, Path.Combine(setsOut, "base"));
                Keep(sets.HeadSet, Path.Combine(setsOut, "head"));
                context.Out.WriteLine($"profgate: wrote the base set to {Path.Combine(setsOut, "base")} and the head set to {Path.Combine(setsOut, "head")}");
                if (options.NoReport)
                {
                    return ExitCodes.Pass;
                }
            }

            var judged = ComparisonService.Run(
                ComparisonSide.Of($"base {StoreKeys.Short(resolved.Commit)}", ProfileSetReader.Read(sets.BaseSet)),
                ComparisonSide.Of("the working tree", ProfileSetReader.Read(sets.HeadSet)),
                policy,
                new Provenance { BaseCommit = resolved.Commit, HeadCommit = sets.HeadCommit, Source = sets.BaseSource },
                judgeEveryType: request.Allocations);
            var reportDirectory = options.Out is { } output ? Path.GetFullPath(output) : Path.Combine(repository.Root, ".profgate", "reports");
            var title = $"profgate local: {StoreKeys.Short(resolved.Commit)} → {(sets.HeadCommit is null ? "working tree" : StoreKeys.Short(sets.HeadCommit))}{(sets.HeadDirty ? " + uncommitted changes" : "")}";
            ReportOutput.Write(context, judged, request.Group, title, Path.Combine(reportDirectory, request.Group + ".html"), options.Open);
            context.Out.WriteLine($"profgate: verdict {judged.Verdict.Outcome} ({ComparisonService.Count(judged.Verdict)}) against base {StoreKeys.Short(resolved.Commit)} ({resolved.Description})");
            if (options.Hook && judged.Verdict.Failed)
            {
                context.Error.WriteLine($"profgate: push blocked by a performance regression; fix it, or skip the check once with {HookScript.SkipVariable}=1 git push");
            }

            return judged.Verdict.ExitCode;
        }
        finally
        {
            SetDirectory.TryDelete(scratch);
        }
    }

    private static void Keep(string set, string target) => SetCopy.Copy(set, ProfileSetReader.ReadManifest(set), target);
}
