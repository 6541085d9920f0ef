using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Top;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate top &lt;profile&gt;</c>: the functions with the most self or total weight.</summary>
internal static class TopCommand
{
    public static Command Create(CliContext context)
    {
        var profile = new Argument<string>("profile") { Description = "A profile in any supported format (pprof, folded, perf script, speedscope, Chrome .cpuprofile, .nettrace)." };
        var count = new Option<int>("--count", "-n") { Description = "How many functions to show (0 = all).", DefaultValueFactory = _ => 10 };
        var by = new Option<string>("--by") { Description = "Rank by self (where the function is the leaf) or total (where it is on the stack).", DefaultValueFactory = _ => "self" };
        by.AcceptOnlyFromAmong("self", "total");
        var sampleType = new Option<string?>("--sample-type") { Description = "The sample type to rank by: a type name (cpu), type/unit or index. Default: the profile's default." };
        var format = new Option<string>("--format") { Description = "Output format: text (a table) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("top", "Show the functions with the most self or total weight in a profile.") { profile, count, by, sampleType, format };
        command.SetAction(parse =>
        {
            var options = new TopOptions(
                parse.GetValue(profile)!,
                parse.GetValue(count),
                parse.GetValue(by) == "total",
                parse.GetValue(sampleType),
                parse.GetValue(format) == "json",
                InputLimits.MaxInputBytes(context));
            var report = TopReport.Build(options);
            if (options.Json)
            {
                TopJsonRenderer.Render(report, context.Out);
            }
            else
            {
                TopTextRenderer.Render(report, context.Out);
            }

            return 0;
        });
        return command;
    }
}
