using System.CommandLine;
using ContinuousProfiler.Gate.Capture;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate import &lt;files…&gt; -o DIR</c>: turn existing profile files into a ProfileSet.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Profile files in any format profgate reads (pprof, folded, perf script, speedscope, Chrome .cpuprofile, .nettrace).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The ProfileSet folder to write.", Required = true };
        var name = new Option<string?>("--name") { Description = "Scenario name (every file becomes one run of it) and set group; default: one scenario per file name stem." };
        var commit = new Option<string?>("--commit") { Description = "Commit SHA to record (default: HEAD of the current git repository)." };

        var command = new Command("import", "Build a ProfileSet from existing profile files, with the manifest capture writes.") { files, output, name, commit };
        command.SetAction(parse =>
        {
            var options = new ImportOptions([.. parse.GetValue(files) ?? []], parse.GetValue(output)!, parse.GetValue(name), parse.GetValue(commit));
            context.Out.WriteLine(CaptureSummary.Line(new ImportService().Import(options)));
            return 0;
        });
        return command;
    }
}
