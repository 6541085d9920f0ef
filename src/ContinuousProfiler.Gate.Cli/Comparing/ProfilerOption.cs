using ContinuousProfiler.Gate.Capture;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Comparing;

/// <summary>The <c>--profiler</c> / <c>local.profiler</c> value as a <see cref="ProfilerKind"/>.</summary>
internal static class ProfilerOption
{
    public static ProfilerKind? Parse(string? name) => name switch
    {
        null or "" or "auto" => null,
        "dotnet" => ProfilerKind.Dotnet,
        "perf" => ProfilerKind.Perf,
        "files" => ProfilerKind.Files,
        _ => throw new InputException($"profiler '{name}': expected dotnet, perf or files"),
    };
}
