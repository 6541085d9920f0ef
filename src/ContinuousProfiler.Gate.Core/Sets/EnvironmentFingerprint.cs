using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Sets;

/// <summary>
/// The machine and runtime a set was taken on. Base and head compare fairly only when these match;
/// the config decides what a mismatch does (by default failures become warnings).
/// </summary>
public sealed record EnvironmentFingerprint
{
    /// <summary>Nothing known.</summary>
    public static readonly EnvironmentFingerprint Unknown = new();

    /// <summary>Operating system description.</summary>
    public string Os { get; init; } = "";

    /// <summary>CPU model name.</summary>
    public string CpuModel { get; init; } = "";

    /// <summary>Logical core count.</summary>
    public int Cores { get; init; }

    /// <summary>The .NET runtime version profgate (or the profiled program) ran on.</summary>
    public string Runtime { get; init; } = "";

    /// <summary>Relevant settings such as <c>DOTNET_*</c> variables, sorted by name.</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>True when nothing is known (older or hand-made sets).</summary>
    public bool IsUnknown => Os.Length == 0 && CpuModel.Length == 0 && Cores == 0;

    /// <summary>The fields that differ from <paramref name="other"/>, empty when they match.</summary>
    public IReadOnlyList<string> Differences(EnvironmentFingerprint other)
    {
        var differences = new List<string>();
        if (Os != other.Os)
        {
            differences.Add($"os: {Os} vs {other.Os}");
        }

        if (CpuModel != other.CpuModel)
        {
            differences.Add($"cpu: {CpuModel} vs {other.CpuModel}");
        }

        if (Cores != other.Cores)
        {
            differences.Add($"cores: {Cores} vs {other.Cores}");
        }

        if (Runtime != other.Runtime)
        {
            differences.Add($"runtime: {Runtime} vs {other.Runtime}");
        }

        foreach (var key in Settings.Keys.Union(other.Settings.Keys).Order(StringComparer.Ordinal))
        {
            var mine = Settings.GetValueOrDefault(key);
            var theirs = other.Settings.GetValueOrDefault(key);
            if (mine != theirs)
            {
                differences.Add($"{key}: {mine ?? "(unset)"} vs {theirs ?? "(unset)"}");
            }
        }

        return differences;
    }
}
