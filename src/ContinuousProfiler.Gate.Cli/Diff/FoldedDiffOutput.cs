using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats.Folded;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>
/// <c>--format folded-diff</c>: every stack of the compared scenarios with its base and head counts
/// (summed over runs) in the compared sample type, frames under their normalized names so that base
/// and head stacks line up across rebuilds. With several scenarios each stack starts with its scenario.
/// </summary>
internal static class FoldedDiffOutput
{
    public static void Render(DiffDocument document, TextWriter output)
    {
        var compared = document.Comparison.Scenarios;
        var byName = (IReadOnlyList<ScenarioRuns> side) => side.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var bases = byName(document.Base.Scenarios);
        var heads = byName(document.Head.Scenarios);
        var rows = new List<FoldedDiffRow>();
        foreach (var scenario in compared)
        {
            var type = scenario.SampleTypes[0].SampleType;
            var prefix = compared.Length > 1 ? scenario.Scenario + ";" : "";
            var baseRuns = bases.Count == 1 ? bases.Values.Single() : bases[scenario.Scenario];
            var headRuns = heads.Count == 1 ? heads.Values.Single() : heads[scenario.Scenario];
            Add(rows, baseRuns, type, prefix, document.NameOf, head: false);
            Add(rows, headRuns, type, prefix, document.NameOf, head: true);
        }

        FoldedDiffWriter.Write(rows, output);
    }

    private static void Add(List<FoldedDiffRow> rows, ScenarioRuns side, SampleType type, string prefix, Func<Frame, string> nameOf, bool head)
    {
        foreach (var profile in side.Runs)
        {
            var index = profile.SampleTypes.IndexOf(type);
            var names = profile.Frames.Select(nameOf).ToArray();
            foreach (var sample in profile.Samples)
            {
                var value = sample.Values[index];
                if (value == 0 || sample.Stack.IsEmpty)
                {
                    continue;
                }

                var stack = prefix + string.Join(';', sample.Stack.Select(i => names[i]));
                rows.Add(head ? new FoldedDiffRow(stack, 0, value) : new FoldedDiffRow(stack, value, 0));
            }
        }
    }
}
