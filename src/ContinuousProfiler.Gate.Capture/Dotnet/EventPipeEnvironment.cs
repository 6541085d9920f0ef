namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// The environment variables that make every .NET process of a command write an EventPipe trace
/// (see CAPTURE.md): the sample profiler plus loader/JIT events at verbose level so method names
/// arrive inline, streaming so a killed process keeps its samples, one file per process id.
/// </summary>
public static class EventPipeEnvironment
{
    /// <summary>Runtime keywords: Loader (0x8) and JIT (0x10).</summary>
    public const string CpuKeywords = "0x18";

    /// <summary>Runtime keywords plus .NET 10's AllocationSampling (0x80000000000).</summary>
    public const string AllocationKeywords = "0x80000000018";

    /// <summary>The variables, writing traces as <c>{prefix}-{pid}.nettrace</c> into <paramref name="traceDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string> Variables(string traceDirectory, bool allocations, string prefix = "trace") =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_EnableEventPipe"] = "1",
            ["DOTNET_EventPipeOutputPath"] = Path.Combine(traceDirectory, prefix + "-{pid}.nettrace"),
            ["DOTNET_EventPipeOutputStreaming"] = "1",
            ["DOTNET_EventPipeConfig"] = Config(allocations),
        };

    /// <summary>The provider list for <c>DOTNET_EventPipeConfig</c>.</summary>
    public static string Config(bool allocations) =>
        $"Microsoft-DotNETCore-SampleProfiler:0:5,Microsoft-Windows-DotNETRuntime:{(allocations ? AllocationKeywords : CpuKeywords)}:5";
}
