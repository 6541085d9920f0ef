using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Verdicts;

public sealed class GateEvaluatorTests
{
    private const string Base = "main;parse;read 20000\nmain;parse 10000\nmain;work;hot 40000\nmain;work;warm 20000\nmain;io 10000\n"
        + "main;work;a 5000\nmain;work;b 4000\nmain;work;c 3000\nmain;io;d 6000\nmain;io;e 2500\nmain;parse;f 3500\nmain;g 4500";

    [Fact]
    public void AProfileAgainstItselfHasNoFindings()
    {
        var verdict = Evaluate(Base, Base);
        Assert.DoesNotContain(verdict.Findings, f => f.Kind != FindingKind.Notice);
        Assert.Equal(0, verdict.ExitCode);
        Assert.Equal("pass", verdict.Outcome);
    }

    [Fact]
    public void SelfCostMovedInFromACalleeIsANoteNotARegression()
    {
        // The JIT inlined read into parse: parse's self grows by read's 20,000, its total (with read) stays put.
        var head = Base.Replace("main;parse;read 20000\n", "", StringComparison.Ordinal).Replace("main;parse 10000", "main;parse 30000", StringComparison.Ordinal);
        var verdict = Evaluate(Base, head);
        Assert.DoesNotContain(verdict.Findings, f => f.Function == "parse" && f.Kind == FindingKind.Regression);
        var note = Assert.Single(verdict.Findings, f => f.Rule == "moved");
        Assert.Equal(("parse", FindingKind.Notice, FindingLevel.Info), (note.Function, note.Kind, note.Level));
        Assert.Contains("moved in from its callees", note.Message, StringComparison.Ordinal);
        Assert.Equal(0, verdict.ExitCode);
    }

    [Fact]
    public void NewSelfCostInACallerStillFails()
    {
        // parse itself got slower: its self and its total both rise.
        var head = Base.Replace("main;parse 10000", "main;parse 16000", StringComparison.Ordinal);
        var verdict = Evaluate(Base, head);
        var finding = Assert.Single(verdict.Findings, f => f.Kind == FindingKind.Regression);
        Assert.Equal(("parse", FindingLevel.Fail), (finding.Function, finding.Level));
        Assert.DoesNotContain(verdict.Findings, f => f.Rule == "moved");
    }

    [Fact]
    public void FindsARegressionWithItsInterval()
    {
        var head = Base.Replace("main;work;warm 20000", "main;work;warm 26000", StringComparison.Ordinal);
        var verdict = Evaluate(Base, head);
        var finding = Assert.Single(verdict.Findings, f => f.Kind != FindingKind.Notice);
        Assert.Equal(("warm", FindingKind.Regression, FindingLevel.Fail), (finding.Function, finding.Kind, finding.Level));
        Assert.Equal(0.30, finding.Change!.Value, 1);
        Assert.Equal(0.3 * finding.Base * 100, finding.Delta, 0);
        Assert.True(finding.Interval.Low > 0.15 && finding.Interval.Low < finding.Change && finding.Interval.High > finding.Change && finding.Interval.High < 0.45, $"{finding.Interval}");
        Assert.True(finding.PValue < 1e-6);
        Assert.Equal("defaults", finding.Rule);
        Assert.Equal(1, verdict.ExitCode);
    }

    [Fact]
    public void SwappingSidesTurnsEachRegressionIntoAnImprovementOfTheSameSize()
    {
        var head = Base
            .Replace("main;work;warm 20000", "main;work;warm 26000", StringComparison.Ordinal)
            .Replace("main;io 10000", "main;io 5000", StringComparison.Ordinal);
        var (a, b) = (Runs(Base, 0), Runs(head, 1));
        var forward = GateEvaluator.Evaluate(Comparer.Compare([a], [b]), GatePolicy.Default).Findings.Where(f => f.Kind != FindingKind.Notice).ToList();
        var backward = GateEvaluator.Evaluate(Comparer.Compare([b], [a]), GatePolicy.Default).Findings.Where(f => f.Kind != FindingKind.Notice).ToDictionary(f => f.Function);
        Assert.Contains(forward, f => f.Kind == FindingKind.Regression);
        Assert.Equal(forward.Count, backward.Count);
        foreach (var f in forward)
        {
            var swapped = backward[f.Function];
            Assert.Equal(f.Kind == FindingKind.Regression ? FindingKind.Improvement : FindingKind.Regression, swapped.Kind);
            Assert.Equal(1.0, (1 + f.Change!.Value) * (1 + swapped.Change!.Value), 3);
            var (p, q) = (f.PValue!.Value, swapped.PValue!.Value);
            Assert.True(p == q || (p > 1e-300 && q > 1e-300 && Math.Abs((Math.Log(p) / Math.Log(q)) - 1) < 0.01), $"p-values {p} and {q} differ");
        }
    }

    [Fact]
    public void AFunctionTwiceAsFastFlagsNothingElse()
    {
        var head = Base.Replace("main;work;hot 40000", "main;work;hot 20000", StringComparison.Ordinal);
        var findings = Evaluate(Base, head).Findings.Where(f => f.Kind != FindingKind.Notice).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(("hot", FindingKind.Improvement), (finding.Function, finding.Kind));
        Assert.Equal(-0.5, finding.Change!.Value, 1);
    }

    [Fact]
    public void SmallFunctionsStayUnderTheFloor()
    {
        // tiny doubles (+100%) but moves 0.1 share points, under the 0.25-point floor.
        var verdict = Evaluate(Base + "\nmain;tiny 100", Base + "\nmain;tiny 200");
        Assert.DoesNotContain(verdict.Findings, f => f.Function == "tiny");
    }

    [Fact]
    public void ChangesUnderTheWarnThresholdAreNotReported()
    {
        var head = Base.Replace("main;work;hot 40000", "main;work;hot 41500", StringComparison.Ordinal);
        Assert.DoesNotContain(Evaluate(Base, head).Findings, f => f.Kind != FindingKind.Notice);
    }

    [Fact]
    public void NoisyChangesAreNotSignificant()
    {
        // +30% on 40 samples: beats threshold and floor, not the test.
        var verdict = Evaluate("m;a 40\nm;b 60", "m;a 52\nm;b 60");
        Assert.DoesNotContain(verdict.Findings, f => f.Kind != FindingKind.Notice);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.Notice && f.Rule == "samples");
    }

    [Fact]
    public void IgnoreRulesAndThresholdRulesApply()
    {
        var head = Base.Replace("main;work;warm 20000", "main;work;warm 26000", StringComparison.Ordinal);
        var ignore = GatePolicy.Default with { Rules = [new GateRule("wa*", new RuleSettings { Ignore = true }, "rules[0] wa*")] };
        Assert.DoesNotContain(Evaluate(Base, head, ignore).Findings, f => f.Kind != FindingKind.Notice);
        var lenient = GatePolicy.Default with { Rules = [new GateRule("warm", new RuleSettings { Fail = 0.5 }, "warm budget")] };
        var finding = Assert.Single(Evaluate(Base, head, lenient).Findings, f => f.Kind != FindingKind.Notice);
        Assert.Equal((FindingLevel.Warn, "warm budget"), (finding.Level, finding.Rule));
    }

    [Fact]
    public void NewAndGoneFunctionsAreReported()
    {
        var verdict = Evaluate(Base + "\nmain;old 5000", Base + "\nmain;fresh 5000");
        Assert.Contains(verdict.Findings, f => f.Function == "fresh" && f.Kind == FindingKind.New && f.Change is null && f.Level == FindingLevel.Warn);
        Assert.Contains(verdict.Findings, f => f.Function == "old" && f.Kind == FindingKind.Gone && f.Level == FindingLevel.Info);
        Assert.Equal(0, verdict.ExitCode);
    }

    [Fact]
    public void AnEnvironmentMismatchTurnsFailuresIntoWarnings()
    {
        var head = Base.Replace("main;work;warm 20000", "main;work;warm 26000", StringComparison.Ordinal);
        var provenance = new Provenance { EnvironmentMatches = false, EnvironmentDifferences = ["cpu: A vs B"] };
        var verdict = Evaluate(Base, head, provenance: provenance);
        Assert.Equal(0, verdict.ExitCode);
        Assert.Contains(verdict.Findings, f => f.Function == "warm" && f.Level == FindingLevel.Warn);
        Assert.Contains(verdict.Findings, f => f.Rule == "environment" && f.Message!.Contains("cpu: A vs B", StringComparison.Ordinal));
        var strict = Evaluate(Base, head, GatePolicy.Default with { OnEnvironmentMismatch = EnvironmentMismatch.Fail }, provenance);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void NoBaselinePasses()
    {
        var comparison = new ComparisonResult([], new Provenance { NoBaselineReason = "no stored set for abc1234" }, [], []);
        var verdict = GateEvaluator.Evaluate(comparison, GatePolicy.Default);
        var notice = Assert.Single(verdict.Findings);
        Assert.Equal("no baseline: no stored set for abc1234; nothing to compare, passing", notice.Message);
        Assert.Equal(0, verdict.ExitCode);
    }

    [Fact]
    public void ScenarioTimeIsGated()
    {
        var profile = TestProfiles.FromFolded(Base);
        ImmutableArray<TimingRun> baseTimes = [new(100, 90), new(101, 91), new(99, 89), new(100, 90), new(102, 91)];
        ImmutableArray<TimingRun> headTimes = [.. baseTimes.Select(t => new TimingRun(t.WallMs * 1.3, t.CpuMs * 1.3))];
        var comparison = Comparer.Compare([new ScenarioRuns("s", [profile], baseTimes)], [new ScenarioRuns("s", [profile], headTimes)]);
        var verdict = GateEvaluator.Evaluate(comparison, GatePolicy.Default);
        var wall = Assert.Single(verdict.Findings, f => f.Function == "(scenario wall time)");
        Assert.Equal((FindingKind.Regression, FindingLevel.Fail), (wall.Kind, wall.Level));
        Assert.Equal(0.3, wall.Change!.Value, 6);
        Assert.Contains(verdict.Findings, f => f.Function == "(scenario cpu time)");
    }

    [Fact]
    public void TooFewTimingRunsGiveANotice()
    {
        var profile = TestProfiles.FromFolded(Base);
        var comparison = Comparer.Compare([new ScenarioRuns("s", [profile], [new(100, 90)])], [new ScenarioRuns("s", [profile], [new(130, 120)])]);
        var verdict = GateEvaluator.Evaluate(comparison, GatePolicy.Default);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.Notice && f.Message!.StartsWith("(scenario wall time) not compared", StringComparison.Ordinal));
    }

    private static Verdict Evaluate(string baseFolded, string headFolded, GatePolicy? policy = null, Provenance? provenance = null)
    {
        var comparison = Comparer.Compare([Runs(baseFolded, 0)], [Runs(headFolded, 1)], provenance: provenance);
        return GateEvaluator.Evaluate(comparison, policy ?? GatePolicy.Default);
    }

    /// <summary>Three runs of a profile whose stacks vary by a deterministic ±1.5% from run to run, so the noise model has something to estimate.</summary>
    private static ScenarioRuns Runs(string folded, int side)
    {
        var lines = folded.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var runs = Enumerable.Range(0, 3).Select(run => TestProfiles.FromFolded(string.Join('\n', lines.Select((line, i) =>
        {
            var space = line.LastIndexOf(' ');
            var count = double.Parse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var wobble = 1 + (0.015 * Math.Sin((run * 7) + (i * 3) + (side * 11)));
            return $"{line[..space]} {Math.Round(count * wobble).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }))));
        return new ScenarioRuns("s", [.. runs], []);
    }
}
