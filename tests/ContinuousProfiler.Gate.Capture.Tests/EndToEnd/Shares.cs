using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>Self shares per function (name without parameters) pooled over a scenario's runs.</summary>
public static class Shares
{
    public static Dictionary<string, double> Self(ScenarioRuns scenario, string sampleType)
    {
        var self = new Dictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        foreach (var profile in scenario.Runs)
        {
            var column = profile.FindSampleType(sampleType);
            if (column < 0)
            {
                continue;
            }

            total += profile.Total(column);
            foreach (var function in FunctionSummary.Compute(profile, column, Key).Functions)
            {
                self[function.Name] = self.GetValueOrDefault(function.Name) + function.Self;
            }
        }

        return self.ToDictionary(s => s.Key, s => total > 0 ? s.Value / total : 0, StringComparer.Ordinal);
    }

    /// <summary>The function whose self share grew most from base to head, and by how many points.</summary>
    public static (string Name, double Delta) LargestIncrease(Dictionary<string, double> baseShares, Dictionary<string, double> headShares) =>
        headShares.Keys.Union(baseShares.Keys)
            .Select(name => (name, headShares.GetValueOrDefault(name) - baseShares.GetValueOrDefault(name)))
            .MaxBy(d => d.Item2);

    private static string Key(Frame frame)
    {
        var paren = frame.Name.IndexOf('(');
        return paren > 0 ? frame.Name[..paren] : frame.Name;
    }
}
