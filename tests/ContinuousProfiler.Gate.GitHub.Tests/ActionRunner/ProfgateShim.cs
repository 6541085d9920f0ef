using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;

/// <summary>
/// A <c>dotnet</c> stand-in put first on PATH for the plumbing tests: it records each call (working
/// folder, GITHUB_TOKEN, arguments) and answers like profgate would on the outside (a set folder for
/// capture, the step outputs and report file for gate render), so the tests see exactly which options
/// each action input turned into. The real profgate runs in the end-to-end tests.
/// </summary>
public sealed class ProfgateShim
{
    private const string Script = """
        #!/usr/bin/env bash
        set -euo pipefail
        { printf '%s\x1f' "$PWD" "${GITHUB_TOKEN:-}" "$@"; printf '\n'; } >> "$SHIM_LOG"
        shift # profgate.dll
        verb="$1"; shift
        out='' stage=''
        while [ $# -gt 0 ]; do
          case "$1" in
            --out) out="$2"; shift ;;
            --stage) stage="$2"; shift ;;
            --) break ;;
          esac
          shift
        done
        case "$verb" in
          capture) mkdir -p "$out"; echo '{"schemaVersion":1}' > "$out/manifest.json" ;;
          gate)
            if [ "$stage" = render ]; then
              mkdir -p "$out"; echo '<html></html>' > "$out/report.html"
              { echo verdict=fail; echo regressions=3; echo "report-path=$out/report.html"; echo baseline-commit=b0b; } >> "$GITHUB_OUTPUT"
            fi ;;
        esac
        """;

    public ProfgateShim(string directory)
    {
        Bin = Path.Combine(directory, "shim-bin");
        Directory.CreateDirectory(Bin);
        var dotnet = Path.Combine(Bin, "dotnet");
        File.WriteAllText(dotnet, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Log = Path.Combine(directory, "shim.log");
        File.WriteAllText(Log, "");
    }

    /// <summary>The folder to put first on PATH.</summary>
    public string Bin { get; }

    /// <summary>The call log.</summary>
    public string Log { get; }

    /// <summary>Every recorded call.</summary>
    public IReadOnlyList<ShimCall> Calls => File.ReadAllLines(Log)
        .Where(l => l.Length > 0)
        .Select(l => l.Split('\x1f')[..^1])
        .Select(p => new ShimCall(p[0], p[1], p[3..]))
        .ToList();

    /// <summary>The environment that puts the shim first on PATH.</summary>
    public void Install(Dictionary<string, string?> environment)
    {
        environment["PATH"] = Bin + ":" + System.Environment.GetEnvironmentVariable("PATH");
        environment["SHIM_LOG"] = Log;
    }
}

/// <summary>One recorded profgate call: where, with which token, and the arguments after <c>profgate.dll</c>.</summary>
public sealed record ShimCall(string WorkingDirectory, string Token, string[] Args)
{
    /// <summary>The value after <paramref name="option"/>, or null.</summary>
    public string? Option(string option)
    {
        var i = Array.IndexOf(Args, option);
        return i >= 0 && i + 1 < Args.Length ? Args[i + 1] : null;
    }

    /// <summary>Every value given to a repeated option.</summary>
    public IEnumerable<string> Options(string option) =>
        Args.Select((a, i) => (a, i)).Where(x => x.a == option && x.i + 1 < Args.Length).Select(x => Args[x.i + 1]);

    /// <summary>The arguments after <c>--</c>.</summary>
    public string[] Command => Array.IndexOf(Args, "--") is var i and >= 0 ? Args[(i + 1)..] : [];
}
