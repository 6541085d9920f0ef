namespace ContinuousProfiler.Gate.Formats;

/// <summary>Every format profgate reads and writes, in detection order (most specific first).</summary>
public static class FormatRegistry
{
    /// <summary>Importers, probed in this order.</summary>
    public static IReadOnlyList<IProfileImporter> Importers { get; } =
    [
        new NetTrace.NetTraceImporter(),
        new Pprof.PprofImporter(), // strict schema probe: never claims text (see PprofSniffer)
        new Pprof.PprofLegacyImporter(), // rejects legacy pprof with the convert command
        new Perf.PerfScriptImporter(),
        new Chrome.ChromeCpuProfileImporter(),
        new Speedscope.SpeedscopeImporter(),
        new Folded.FoldedImporter(),
    ];

    /// <summary>Exporters by name.</summary>
    public static IReadOnlyList<IProfileExporter> Exporters { get; } =
    [
        new Pprof.PprofExporter(),
        new Folded.FoldedExporter(),
        new Speedscope.SpeedscopeExporter(),
    ];

    /// <summary>Finds an exporter by name or throws a usage error listing the choices.</summary>
    public static IProfileExporter Exporter(string name) =>
        Exporters.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Core.InputException($"unknown output format '{name}'; expected one of: {string.Join(", ", Exporters.Select(e => e.Name))}");
}
