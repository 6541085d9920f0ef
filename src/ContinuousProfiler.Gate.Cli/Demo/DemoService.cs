using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Capture;
using ContinuousProfiler.Gate.Cli.Comparing;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Local;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Demo;

/// <summary>
/// <c>profgate demo</c>: the whole product on the sample the repository ships. Builds it, profiles it
/// without and with its injected regression (the same interleaved runner as <c>profgate local</c>, the two
/// sides differing only by <see cref="DemoSample.RegressVariable"/>), compares under the default policy,
/// prints the verdict and tables, writes the HTML report. Exits 0 when the gate caught what the demo
/// injected (a failing verdict on the slowed checksum, and the extra allocation in Formatter.Render), 1
/// when it missed it, 2 on errors.
/// </summary>
internal sealed class DemoService(CliContext context)
{
    private const string SlowedFunction = "Sample.Lib.Checksum.";
    private const string AllocatingFunction = "Sample.Lib.Formatter.Render";

    public int Run(DemoOptions options)
    {
        var root = DemoSample.FindRoot();
        var progress = new ProgressReporter(context.Error, enabled: true);
        var scratch = Path.Combine(Path.GetTempPath(), $"profgate-demo-{Guid.NewGuid():N}");
        using var interruption = new Interruption();
        using var cleanup = interruption.AtForcedExit(() => SetDirectory.TryDelete(scratch));
        try
        {
            progress.Note($"demo: building the sample ({DemoSample.Project}, Release)");
            var dll = DemoSample.Build(root, Path.Combine(scratch, "bin"));
            progress.Note(string.Create(CultureInfo.InvariantCulture,
                $"demo: profiling the sample {options.Repeat} times without and {options.Repeat} times with its injected regression ({DemoSample.RegressVariable}=1: the checksum does 3x the work, Formatter.Render allocates an extra buffer per record), alternately"));
            var command = ImmutableArray.Create("dotnet", dll, options.Rounds.ToString(CultureInfo.InvariantCulture));
            var common = new CaptureOptions(command, "", "demo", Profiler: ProfilerKind.Dotnet, Allocations: true, WorkingDirectory: root);
            var sides = new[]
            {
                new CaptureSide("base", common with { Environment = Variables(regress: false) }),
                new CaptureSide("head", common with { Environment = Variables(regress: true) }),
            };
            var sets = new InterleavedCapture(new CaptureService(), progress, interruption).Run(sides, options.Repeat, scratch);
            var judged = ComparisonService.Run(
                ComparisonSide.Of("the sample", ProfileSetReader.Read(sets["base"])),
                ComparisonSide.Of($"the sample with {DemoSample.RegressVariable}=1", ProfileSetReader.Read(sets["head"])),
                GatePolicy.Default,
                new Provenance { Source = $"demo: the same build without {DemoSample.RegressVariable}" },
                judgeEveryType: true);
            var reportDirectory = options.Out is { } output ? Path.GetFullPath(output) : Path.Combine(root, ".profgate", "reports");
            ReportOutput.Write(context, judged, "demo", $"profgate demo: Sample.Bench without → with {DemoSample.RegressVariable}=1", Path.Combine(reportDirectory, "demo.html"), options.Open);
            return Conclude(judged.Verdict);
        }
        finally
        {
            SetDirectory.TryDelete(scratch);
        }
    }

    private int Conclude(Verdict verdict)
    {
        var slowed = verdict.Findings.FirstOrDefault(f => f is { Kind: FindingKind.Regression, Level: FindingLevel.Fail } && f.Function.StartsWith(SlowedFunction, StringComparison.Ordinal) && !IsAllocation(f));
        var allocation = verdict.Findings.FirstOrDefault(f => f is { Kind: FindingKind.Regression, Level: FindingLevel.Fail or FindingLevel.Warn } && f.Function == AllocatingFunction && IsAllocation(f));
        context.Out.WriteLine();
        if (slowed is not null && allocation is not null)
        {
            context.Out.WriteLine($"profgate demo: the gate caught the injected regression: {slowed.Function} ({Change(slowed)} {slowed.SampleType}) and the extra allocation in {allocation.Function} ({Change(allocation)} {allocation.SampleType}).");
            context.Out.WriteLine("profgate demo: on a pull request or in 'profgate local' this verdict exits 1 and blocks the change; the demo exits 0 because catching it is what it set out to show.");
            return ExitCodes.Pass;
        }

        var missed = string.Join(" and ", new[] { slowed is null ? $"the slowdown in {SlowedFunction}*" : null, allocation is null ? $"the extra allocation in {AllocatingFunction}" : null }.OfType<string>());
        context.Out.WriteLine($"profgate demo: the gate did NOT catch {missed}; the demo failed (exit 1). Try more work per run: profgate demo --rounds 80 --repeat 8");
        return ExitCodes.Regression;
    }

    private static bool IsAllocation(Finding finding) => finding.SampleType.StartsWith("alloc", StringComparison.Ordinal);

    private static string Change(Finding finding) => finding.Change is { } change
        ? string.Create(CultureInfo.InvariantCulture, $"{change:+0%;-0%}")
        : string.Create(CultureInfo.InvariantCulture, $"{finding.Delta * 100:+0.0;-0.0} points");

    private static ImmutableDictionary<string, string?> Variables(bool regress) => ImmutableDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            KeyValuePair.Create(DemoSample.RegressVariable, regress ? "1" : null),
            KeyValuePair.Create(DemoSample.AllocationVariable, (string?)null),
        ]);
}
