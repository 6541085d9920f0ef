using System.Collections.Immutable;
using System.CommandLine;
using ContinuousProfiler.Gate.Capture;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate capture [options] -- &lt;command&gt; [args…]</c>: profile a command into a ProfileSet.</summary>
internal static class CaptureCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string?>("--name") { Description = "Scenario group of the set (sets of different commands never mix), and the scenario name when the command is not a test run." };
        var output = new Option<string>("--out", "-o") { Description = "The ProfileSet folder to write.", DefaultValueFactory = _ => Path.Combine(".profgate", "capture") };
        var repeat = new Option<int>("--repeat") { Description = "Profiled runs; each is kept separately.", DefaultValueFactory = _ => 1 };
        var timingRuns = new Option<int>("--timing-runs") { Description = "Also run the command N times unprofiled (interleaved) to record scenario wall and CPU time.", DefaultValueFactory = _ => 0 };
        var profiler = new Option<string?>("--profiler") { Description = "dotnet (EventPipe; default for .NET programs and dotnet …), perf (default otherwise) or files (the command writes its own profiles; see --collect)." };
        profiler.AcceptOnlyFromAmong("dotnet", "perf", "files");
        var alloc = new Option<bool>("--alloc") { Description = "Also record allocation profiles (alloc_space/bytes, alloc_objects/count, and alloc_samples/count, the sampled events they rest on; .NET 10 allocation sampling)." };
        var collect = new Option<string?>("--collect") { Description = "With --profiler files: glob of the profile files the command writes, one scenario per file name stem (e.g. 'out/*.pb.gz')." };
        var property = new Option<string[]>("--property")
        {
            Description = "KEY=VALUE to record in the manifest's properties (repeatable), e.g. the pull request the set belongs to.",
            DefaultValueFactory = _ => [],
        };
        var commandLine = new Argument<string[]>("command") { Description = "The command to profile and its arguments, after '--'.", Arity = ArgumentArity.OneOrMore };

        var command = new Command("capture", "Run a command (and its child processes) under a profiler and write a ProfileSet: manifest.json plus one pprof file per scenario per run.")
        {
            name, output, repeat, timingRuns, profiler, alloc, collect, property, commandLine,
        };
        command.SetAction(parse =>
        {
            var options = new CaptureOptions(
                [.. parse.GetValue(commandLine) ?? []],
                parse.GetValue(output)!,
                parse.GetValue(name),
                parse.GetValue(repeat),
                parse.GetValue(timingRuns),
                parse.GetValue(profiler) switch { "dotnet" => ProfilerKind.Dotnet, "perf" => ProfilerKind.Perf, "files" => ProfilerKind.Files, _ => null },
                parse.GetValue(alloc),
                parse.GetValue(collect),
                Properties: ParseProperties(parse.GetValue(property) ?? []));
            var result = new CaptureService(
                context.IsTerminal ? context.Error : null,
                context.GetEnvironmentVariable(PhaseLog.Variable) == "1" ? context.Error : null).Capture(options);
            context.Out.WriteLine(CaptureSummary.Line(result));
            return 0;
        });
        return command;
    }

    private static ImmutableSortedDictionary<string, string> ParseProperties(string[] values)
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException($"--property {value}: expected KEY=VALUE with a non-empty key");
            }

            properties[value[..equals]] = value[(equals + 1)..];
        }

        return properties.ToImmutable();
    }
}
