namespace ContinuousProfiler.Gate.Testing;

/// <summary>
/// Runs the real profgate tool as a separate process (<c>dotnet profgate.dll …</c>), from the copy
/// the test project's reference to the Cli project puts next to the tests.
/// </summary>
public static class ProfgateProcess
{
    /// <summary>The profgate.dll beside the running tests.</summary>
    public static string Dll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "profgate.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"profgate.dll not found in {AppContext.BaseDirectory}; the test project must reference src/ContinuousProfiler.Gate.Cli");
        }
    }

    /// <summary>Runs <c>profgate args…</c> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessRunner.Result Run(string workingDirectory, IEnumerable<string> args, IDictionary<string, string?>? environment = null, int timeoutMs = 300_000, string? stdin = null)
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                env[key] = value;
            }
        }

        return ProcessRunner.Run("dotnet", [Dll, .. args], workingDirectory, stdin, env, timeoutMs);
    }

    /// <summary>Runs <c>profgate args…</c> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessRunner.Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, (IEnumerable<string>)args);
}
