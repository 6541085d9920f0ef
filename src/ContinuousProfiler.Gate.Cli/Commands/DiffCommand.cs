using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Diff;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate diff &lt;base&gt; &lt;head&gt;</c>: compare two profiles or ProfileSets function by function and judge the change.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var baseArgument = new Argument<string>("base") { Description = "The base: a profile file of any supported format, or a ProfileSet folder." };
        var headArgument = new Argument<string>("head") { Description = "The head: a profile file of any supported format, or a ProfileSet folder." };
        var config = new Option<string?>("--config") { Description = "The config file. Default: .profgate.yml in the current folder if present, else the built-in defaults." };
        var sampleType = new Option<string?>("--sample-type") { Description = "Compare one sample type only: a type name (cpu), type/unit or index. Default: every type both sides have." };
        var format = new Option<string>("--format") { Description = "Output format. " + DiffFormats.Help + ".", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. DiffFormats.Names]);
        var output = new Option<string?>("--out", "-o") { Description = "Write the output to this file (atomically) instead of standard output." };
        var templates = new Option<string?>("--templates") { Description = "A folder whose files replace the embedded report templates of the same name (comment.md.sbn, summary.md.sbn, report.html.sbn, flamegraph.svg.sbn, assets/…)." };

        var command = new Command("diff", "Compare base and head function by function; exit 1 when a regression beats its fail threshold.")
        {
            baseArgument, headArgument, config, sampleType, format, output, templates,
        };
        command.SetAction(parse => new DiffService(context).Run(new DiffOptions(
            parse.GetValue(baseArgument)!,
            parse.GetValue(headArgument)!,
            parse.GetValue(config),
            parse.GetValue(sampleType),
            parse.GetValue(format)!,
            parse.GetValue(output),
            InputLimits.MaxInputBytes(context),
            parse.GetValue(templates))));
        return command;
    }
}
