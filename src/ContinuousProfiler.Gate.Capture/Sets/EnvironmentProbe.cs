using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>
/// Fingerprints the machine a set is captured on: OS, CPU model, cores, .NET runtime, and the
/// <c>DOTNET_*</c>/<c>COMPlus_*</c> variables that change how code runs (cosmetic CLI ones left out).
/// </summary>
public static class EnvironmentProbe
{
    // Variables of the SDK and CLI that do not change how the profiled code runs.
    private static readonly string[] CosmeticPrefixes =
    [
        "DOTNET_CLI_", "DOTNET_NOLOGO", "DOTNET_ROOT", "DOTNET_SKIP_", "DOTNET_GENERATE_", "DOTNET_ADD_GLOBAL_TOOLS",
        "DOTNET_INSTALL_", "DOTNET_MULTILEVEL_LOOKUP", "DOTNET_HOST_", "DOTNET_NUGET_", "DOTNET_WATCH", "DOTNET_NEW_",
        "DOTNET_EventPipe", "DOTNET_EnableEventPipe", "DOTNET_DiagnosticPorts",
    ];

    /// <summary>
    /// The fingerprint of this machine; <paramref name="applied"/> adds settings capture itself applied and
    /// <paramref name="overrides"/> the variables the command runs with on top of this process's (null removes).
    /// </summary>
    public static EnvironmentFingerprint Current(IReadOnlyDictionary<string, string>? applied = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var settings = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            if (value is not null && (key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase))
                && !CosmeticPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in applied ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new EnvironmentFingerprint
        {
            Os = RuntimeInformation.OSDescription.Trim(),
            CpuModel = CpuModel(),
            Cores = Environment.ProcessorCount,
            Runtime = RuntimeInformation.FrameworkDescription,
            Settings = settings.ToImmutable(),
        };
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is var colon and > 0)
                    {
                        return line[(colon + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }
}
