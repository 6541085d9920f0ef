using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli.Conversion;

/// <summary>Reads a profile in any format and writes it with one of the registered exporters.</summary>
internal static class ProfileConverter
{
    private const string FallbackFormat = "pprof";

    /// <summary>Converts and returns the exporter used. The output appears only when complete.</summary>
    public static IProfileExporter Run(ConvertOptions options)
    {
        var exporter = ChooseExporter(options.Output, options.To);
        var profile = ProfileReader.Read(options.Input, options.MaxInputBytes);
        ProfileWriter.Write(profile, exporter, options.Output);
        return exporter;
    }

    /// <summary>The named exporter; else the one whose extension the output ends with (longest wins); else pprof.</summary>
    public static IProfileExporter ChooseExporter(string output, string? to)
    {
        if (!string.IsNullOrEmpty(to))
        {
            return FormatRegistry.Exporter(to);
        }

        IProfileExporter? best = null;
        foreach (var exporter in FormatRegistry.Exporters)
        {
            if (output.EndsWith(exporter.Extension, StringComparison.OrdinalIgnoreCase)
                && (best is null || exporter.Extension.Length > best.Extension.Length))
            {
                best = exporter;
            }
        }

        return best
            ?? FormatRegistry.Exporters.FirstOrDefault(e => e.Name == FallbackFormat)
            ?? throw new InputException($"{output}: cannot tell the output format from the extension; pass --to with one of: {string.Join(", ", FormatRegistry.Exporters.Select(e => e.Name))}");
    }
}
