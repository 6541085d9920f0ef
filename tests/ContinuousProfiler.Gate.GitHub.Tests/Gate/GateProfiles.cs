using System.Globalization;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>Folded profiles for the gate tests: a steady workload, and the same with Parse twice as slow.</summary>
public static class GateProfiles
{
    /// <summary>Run <paramref name="i"/> of the steady workload (a little jitter, as real runs have).</summary>
    public static string Steady(int i) => Folded(i, parse: 40_000);

    /// <summary>Run <paramref name="i"/> with Parser.Parse twice as expensive.</summary>
    public static string Regressed(int i) => Folded(i, parse: 80_000);

    private static string Folded(int i, int parse) => string.Create(CultureInfo.InvariantCulture, $"""
        Main;App.Run;Parser.Parse {parse + (i * 97)}
        Main;App.Run;Renderer.Render {40_000 - (i * 83)}
        Main;App.Run;Store.Save {20_000 + (i * 61)}
        """);
}
