using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Builds the union call tree of all runs, each run weighted by its normalization and run count.</summary>
internal static class DiffTreeBuilder
{
    public static DiffNode Build(RunColumn[] columns, int baseRuns, Func<Frame, string> nameOf, double[] divisors)
    {
        // Runs of one scenario share most paths, so the union has about as many nodes as the largest run has frames.
        var capacity = (int)Math.Min(int.MaxValue / 2, columns.Max(c => (long)c.Profile.Samples.Sum(s => s.Stack.Length)) + 1);
        var tree = new DiffTree("root", Math.Max(16, capacity));
        for (var r = 0; r < columns.Length; r++)
        {
            var head = r >= baseRuns;
            var weight = 1 / divisors[r] / (head ? columns.Length - baseRuns : baseRuns);
            var profile = columns[r].Profile;
            var nameIds = profile.Frames.Select(f => tree.NameIdOf(nameOf(f))).ToArray();
            foreach (var sample in profile.Samples)
            {
                var value = sample.Values[columns[r].Index];
                if (value == 0)
                {
                    continue;
                }

                var share = value * weight;
                var node = 0;
                tree.Accumulate(node, share, head, self: sample.Stack.Length == 0);
                for (var i = 0; i < sample.Stack.Length; i++)
                {
                    node = tree.FindOrAdd(node, nameIds[sample.Stack[i]]);
                    tree.Accumulate(node, share, head, self: i == sample.Stack.Length - 1);
                }
            }
        }

        return tree.Node(0);
    }
}
