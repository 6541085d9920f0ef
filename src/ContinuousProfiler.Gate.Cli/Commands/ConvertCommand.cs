using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Conversion;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate convert &lt;in&gt; -o &lt;out&gt;</c>: rewrite a profile in another format.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "A profile in any supported format (detected by content)." };
        var output = new Option<string>("--out", "-o") { Description = "The file to write (written atomically).", Required = true };
        var to = new Option<string?>("--to")
        {
            Description = $"Output format: {string.Join(", ", FormatRegistry.Exporters.Select(e => e.Name))}. Default: from the output's extension, else pprof.",
        };

        var command = new Command("convert", "Convert a profile to pprof (.pb.gz), folded stacks or speedscope JSON.") { input, output, to };
        command.SetAction(parse =>
        {
            var options = new ConvertOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(to), InputLimits.MaxInputBytes(context));
            var exporter = ProfileConverter.Run(options);
            context.Out.WriteLine($"wrote {options.Output} ({exporter.Name})");
            return 0;
        });
        return command;
    }
}
