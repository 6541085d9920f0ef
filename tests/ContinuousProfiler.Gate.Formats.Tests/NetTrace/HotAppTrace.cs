using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Formats.Tests.NetTrace;

/// <summary>
/// Builds a tiny console program whose <c>Work.Hot</c> does half the work (Warm 30%, Cool 20%) and
/// also allocates byte arrays in <c>Work.Allocate</c>, runs it once under EventPipe (the environment
/// variables capture uses), and keeps the trace for the tests of this class.
/// </summary>
public sealed class HotAppTrace : IDisposable
{
    private const string Program = """
        using System.Runtime.CompilerServices;
        var rounds = int.Parse(args[0]);
        long sink = 0;
        for (var i = 0; i < rounds; i++) { sink += Work.Outer(); }
        System.Console.WriteLine(sink);
        static class Work
        {
            public static byte[]? Last;
            [MethodImpl(MethodImplOptions.NoInlining)] public static long Outer() => Hot(50) + Warm(30) + Cool(20) + Allocate();
            [MethodImpl(MethodImplOptions.NoInlining)] public static long Hot(int n) { long x = n; for (var i = 0; i < n * 2000; i++) { x = (x * 6364136223846793005L) + 1442695040888963407L; x ^= x >> 13; } return x & 1; }
            [MethodImpl(MethodImplOptions.NoInlining)] public static long Warm(int n) { long x = n; for (var i = 0; i < n * 2000; i++) { x = (x * 6364136223846793005L) + 1442695040888963407L; x ^= x >> 13; } return x & 1; }
            [MethodImpl(MethodImplOptions.NoInlining)] public static long Cool(int n) { long x = n; for (var i = 0; i < n * 2000; i++) { x = (x * 6364136223846793005L) + 1442695040888963407L; x ^= x >> 13; } return x & 1; }
            [MethodImpl(MethodImplOptions.NoInlining)] public static long Allocate() { for (var i = 0; i < 64; i++) { Last = new byte[1000]; } return Last.Length; }
        }
        """;

    private readonly TempDir _dir = new("profgate-hotapp");

    public HotAppTrace()
    {
        File.WriteAllText(_dir.File("HotApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(_dir.File("Program.cs"), Program);
        var build = ProcessRunner.Run("dotnet", ["build", "-c", "Release", "-o", _dir.File("out"), "--nologo", "-v:q"], _dir.Path);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("building the hot app failed:\n" + build.StdOut + build.StdErr);
        }

        var run = ProcessRunner.Run("dotnet", [_dir.File("out/HotApp.dll"), "4500"], _dir.Path, environment: new Dictionary<string, string?>
        {
            ["DOTNET_EnableEventPipe"] = "1",
            ["DOTNET_EventPipeOutputPath"] = _dir.File("hotapp-{pid}.nettrace"),
            ["DOTNET_EventPipeOutputStreaming"] = "1",
            ["DOTNET_EventPipeConfig"] = "Microsoft-DotNETCore-SampleProfiler:0:5,Microsoft-Windows-DotNETRuntime:0x80000000018:5",
        });
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("running the hot app failed:\n" + run.StdOut + run.StdErr);
        }

        TracePath = Directory.GetFiles(_dir.Path, "hotapp-*.nettrace").Single();
    }

    /// <summary>The captured trace.</summary>
    public string TracePath { get; }

    public void Dispose() => _dir.Dispose();
}
