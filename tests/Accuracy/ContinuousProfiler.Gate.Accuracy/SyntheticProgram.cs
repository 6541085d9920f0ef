using System.Globalization;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>
/// A program with known costs: weighted stacks (root first) whose weights are each leaf's true share
/// of the base program's time. One stack ends in <see cref="Target"/>, the function slowdowns and
/// speed-ups are injected into; the rest follow a Zipf law over 40 functions spread under a few
/// callers (some with self time of their own), like a real profile's long tail.
/// </summary>
public sealed class SyntheticProgram
{
    public const string Target = "target";

    private SyntheticProgram(IReadOnlyList<(string[] Stack, double Weight)> stacks) => Stacks = stacks;

    public IReadOnlyList<(string[] Stack, double Weight)> Stacks { get; }

    /// <summary>The base program with <see cref="Target"/> holding <paramref name="targetShare"/> of the time.</summary>
    public static SyntheticProgram Create(double targetShare, int others = 40)
    {
        var stacks = new List<(string[], double)>
        {
            (["main", "run", "work", Target], targetShare),
            (["main", "run"], 0.02),
            (["main", "run", "work"], 0.01),
        };
        var rest = 1 - targetShare - 0.03;
        var zipf = Enumerable.Range(1, others).Select(k => 1 / Math.Pow(k, 1.1)).ToArray();
        var sum = zipf.Sum();
        string[][] parents = [["main", "run", "work"], ["main", "run", "io"], ["main", "setup"], ["main", "run"]];
        for (var k = 0; k < others; k++)
        {
            var name = "f" + (k + 1).ToString("00", CultureInfo.InvariantCulture);
            stacks.Add(([.. parents[k % parents.Length], name], rest * zipf[k] / sum));
        }

        return new SyntheticProgram(stacks);
    }

    /// <summary>The same program with the target's cost multiplied by (1 + <paramref name="change"/>); others unchanged.</summary>
    public SyntheticProgram WithTargetChange(double change) =>
        new([.. Stacks.Select(s => s.Stack[^1] == Target ? (s.Stack, s.Weight * (1 + change)) : s)]);

    /// <summary>The program's total cost relative to the base (1 for the base).</summary>
    public double TotalWeight => Stacks.Sum(s => s.Weight);
}
