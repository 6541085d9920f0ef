namespace ContinuousProfiler.Gate.Testing;

/// <summary>
/// Decides whether a test that needs an installed component or shared data should skip. A skip
/// says how to install what is missing; CI sets <c>REQUIRE_&lt;NAME&gt;=1</c> or <c>REQUIRE_ALL=1</c>
/// so that a missing install step fails instead of passing green.
/// </summary>
public static class Requirements
{
    /// <summary>True when the variable for <paramref name="name"/> makes absence a failure.</summary>
    public static bool IsRequired(string name) =>
        Environment.GetEnvironmentVariable("REQUIRE_" + name) == "1"
        || Environment.GetEnvironmentVariable("REQUIRE_ALL") == "1";

    /// <summary>Returns the skip reason, or null when present or required.</summary>
    public static string? SkipUnless(bool present, string name, string reason) =>
        present || IsRequired(name) ? null : $"{reason} (set REQUIRE_{name}=1 to make this a failure)";

    /// <summary>Finds an executable on PATH, or null.</summary>
    public static string? Which(string exe)
    {
        if (Path.IsPathRooted(exe))
        {
            return File.Exists(exe) ? exe : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, exe);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The go pprof tool: the binary itself, else null (use with <see cref="PprofFactAttribute"/>).</summary>
    public static string? PprofTool =>
        Environment.GetEnvironmentVariable("PPROF_PATH") is { Length: > 0 } p ? p
        : File.Exists("/usr/lib/go-1.19/pkg/tool/linux_amd64/pprof") ? "/usr/lib/go-1.19/pkg/tool/linux_amd64/pprof"
        : Directory.Exists("/usr/lib") ? Directory.EnumerateDirectories("/usr/lib", "go-*")
            .Select(d => Path.Combine(d, "pkg/tool/linux_amd64/pprof")).FirstOrDefault(File.Exists)
        : null;

    /// <summary>The Chromium executable (CHROMIUM_PATH or /usr/bin/chromium).</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>The npm test kit's node_modules (TESTKIT_DIR or tools/testkit/node_modules).</summary>
    public static string TestkitModules =>
        Environment.GetEnvironmentVariable("TESTKIT_DIR") is { Length: > 0 } d ? d : Paths.InRepo("tools/testkit/node_modules");

    /// <summary>The JSON schema of the speedscope file format, as npm speedscope ships it.</summary>
    public static string SpeedscopeSchema => Path.Combine(TestkitModules, "speedscope/dist/release/file-format-schema.json");

    /// <summary>True when <c>perf record</c> works here (installed and allowed to sample this user's processes).</summary>
    public static bool PerfPermitted => PerfProbe.Value;

    private static readonly Lazy<bool> PerfProbe = new(() =>
    {
        if (Which("perf") is null)
        {
            return false;
        }

        var data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"profgate-perf-probe-{Guid.NewGuid():N}.data");
        try
        {
            return ProcessRunner.Run("perf", ["record", "-q", "-e", "cpu-clock", "-o", data, "--", "true"], timeoutMs: 30_000).ExitCode == 0;
        }
        finally
        {
            File.Delete(data);
        }
    });
}
