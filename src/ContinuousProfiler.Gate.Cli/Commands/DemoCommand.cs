using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Demo;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate demo</c>: the whole product, end to end, on the sample the repository ships.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var repeat = new Option<int>("--repeat") { Description = "Profiled runs per side.", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "The sample's rounds per run (its work size).", DefaultValueFactory = _ => 40 };
        var output = new Option<string?>("--out", "-o") { Description = "The folder for the HTML report. Default: .profgate/reports in the clone." };
        var open = new Option<bool>("--open") { Description = "Open the HTML report when done (xdg-open or open)." };
        var command = new Command("demo", "Build the sample (tests/samples/Sample.Bench), profile it without and with its injected regression, compare, and show the verdict and the HTML report. Exit 0 when the gate caught the injected regression.")
        {
            repeat, rounds, output, open,
        };
        command.SetAction(parse =>
        {
            var options = new DemoOptions(parse.GetValue(repeat), parse.GetValue(rounds), parse.GetValue(output), parse.GetValue(open));
            if (options.Repeat < 1 || options.Rounds < 1)
            {
                throw new InputException($"demo: --repeat {options.Repeat} --rounds {options.Rounds}: expected whole numbers of at least 1");
            }

            return new DemoService(context).Run(options);
        });
        return command;
    }
}
