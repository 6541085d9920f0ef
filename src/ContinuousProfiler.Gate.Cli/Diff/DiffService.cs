using ContinuousProfiler.Gate.Cli.Comparing;
using ContinuousProfiler.Gate.Config;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>
/// <c>profgate diff</c>: load both sides and the config, compare, judge, render. Returns the gate's
/// exit code (0 pass, 1 a fail-level regression).
/// </summary>
internal sealed class DiffService(CliContext context)
{
    public int Run(DiffOptions options)
    {
        var policy = options.Config is { } config ? ConfigLoader.Load(config) : ConfigLoader.LoadOrDefault(Directory.GetCurrentDirectory());
        // The two sides are independent and loading is most of the work on big profiles.
        var loading = Task.Run(() => DiffSide.Load(options.Head, options.MaxInputBytes));
        var baseSide = DiffSide.Load(options.Base, options.MaxInputBytes);
        var headSide = loading.GetAwaiter().GetResult();
        var judged = ComparisonService.Run(
            new ComparisonSide($"base {options.Base}", baseSide.Scenarios, baseSide.Manifest),
            new ComparisonSide($"head {options.Head}", headSide.Scenarios, headSide.Manifest),
            policy,
            new Provenance { Source = baseSide.Path, BaseCommit = baseSide.Manifest?.Commit, HeadCommit = headSide.Manifest?.Commit },
            options.SampleType);
        var (comparison, verdict, nameOf) = judged;
        var document = new DiffDocument(baseSide, headSide, comparison, verdict, nameOf, options.Out is null && context.UseColor) { Templates = options.Templates };
        if (options.Out is { } path)
        {
            AtomicFile.WriteText(path, writer => DiffFormats.Render(options.Format, document, writer), "diff output (-o/--out)");
            context.Out.WriteLine($"profgate: {verdict.Outcome} ({ComparisonService.Count(verdict)}); wrote {path}");
        }
        else
        {
            DiffFormats.Render(options.Format, document, context.Out);
        }

        return verdict.ExitCode;
    }
}
