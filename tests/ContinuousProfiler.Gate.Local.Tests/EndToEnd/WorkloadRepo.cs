using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Local.Tests.EndToEnd;

/// <summary>
/// A temporary git repository holding a small .NET console program, <c>app/</c>: five functions with their
/// own loops, Work.Hashing holding about 30% of the samples. <see cref="SetSlowdown"/> multiplies Hashing's
/// work, so a 4× slowdown moves it to about 60%: far beyond noise, it cannot flake. A nuget.config with no
/// package sources proves the build needs nothing from the network (the SDK's own packs suffice).
/// </summary>
internal sealed class WorkloadRepo : IDisposable
{
    /// <summary>The command that builds and runs the workload in a tree (paths relative to the repository root).</summary>
    public static readonly string[] Command = ["dotnet", "run", "-c", "Release", "--project", "app", "--", "40"];

    private static readonly (string Name, int Modulus)[] Functions = [("Parsing", 5), ("Sorting", 11), ("Encoding", 13), ("Rendering", 3)];

    private readonly TempDir _temp = new("profgate-local-tmp");

    public WorkloadRepo()
    {
        Repo = new GitRepo("profgate-local");
        Repo.Write("nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        Repo.Write(".gitignore", "bin/\nobj/\n");
        Repo.Write("app/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        SetSlowdown(1);
    }

    public GitRepo Repo { get; }

    public string Path => Repo.Path;

    /// <summary>The TMPDIR profgate runs with, so the test can see what it leaves behind.</summary>
    public string Temp => _temp.Path;

    /// <summary>Rewrites app/Program.cs with Work.Hashing doing <paramref name="factor"/>× its work.</summary>
    public void SetSlowdown(int factor)
    {
        var functions = string.Concat(Functions.Prepend(("Hashing", 7)).Select(f => $$"""

                [MethodImpl(MethodImplOptions.NoInlining)]
                public static double {{f.Item1}}(int n)
                {
                    var s = 0.0;
                    for (var i = 0; i < n{{(f.Item1 == "Hashing" ? " * Factor" : "")}}; i++)
                    {
                        s += Math.Sqrt(i + (s % {{f.Item2}}));
                    }

                    return s;
                }

            """));
        Repo.Write("app/Program.cs", $$"""
            using System.Runtime.CompilerServices;

            var rounds = args.Length > 0 ? int.Parse(args[0]) : 40;
            var total = 0.0;
            for (var r = 0; r < rounds; r++)
            {
                total += Work.Hashing(150_000) + Work.Parsing(90_000) + Work.Sorting(90_000) + Work.Encoding(90_000) + Work.Rendering(90_000);
            }

            Console.WriteLine($"done {total:F0}");

            static class Work
            {
                private const int Factor = {{factor}};
            {{functions}}}

            """);
    }

    /// <summary>Runs profgate in the repository with TMPDIR pointing at <see cref="Temp"/>.</summary>
    public ProcessRunner.Result Profgate(params string[] args) => ProfgateProcess.Run(Path, args, Environment(Temp));

    /// <summary>Runs profgate in a subfolder of the repository.</summary>
    public ProcessRunner.Result ProfgateIn(string subfolder, params string[] args) => ProfgateProcess.Run(System.IO.Path.Combine(Path, subfolder), args, Environment(Temp));

    /// <summary>The environment profgate runs with: a private TMPDIR, and no build servers left running afterwards.</summary>
    public static Dictionary<string, string?> Environment(string temp) => new()
    {
        ["TMPDIR"] = temp,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_NOLOGO"] = "1",
        ["PROFGATE_SKIP_HOOK"] = null,
    };

    /// <summary>The registered worktrees (1 = only the repository itself).</summary>
    public int Worktrees => Repo.Git("worktree", "list", "--porcelain").Split('\n').Count(l => l.StartsWith("worktree ", StringComparison.Ordinal));

    /// <summary>What profgate left in its TMPDIR (its own folders start with "profgate-").</summary>
    public string[] Leftovers => [.. Directory.GetFileSystemEntries(Temp, "profgate-*").Select(System.IO.Path.GetFileName).OfType<string>()];

    public void Dispose()
    {
        Repo.Dispose();
        _temp.Dispose();
    }
}
