using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Testing;

/// <summary>Terse profile builders for tests: one line of folded text per stack.</summary>
public static class TestProfiles
{
    /// <summary>
    /// Builds a profile from lines like <c>main;parse;read 12</c> (root first), one sample type
    /// (default <c>samples/count</c>).
    /// </summary>
    public static Profile FromFolded(string folded, string type = "samples", string unit = "count", string? scenario = null)
    {
        var builder = new ProfileBuilder(type, unit)
        {
            Metadata = ProfileMetadata.Empty with { Scenario = scenario, Source = "test" },
        };
        foreach (var raw in folded.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var frames = line[..space].Split(';').Select(name => new Frame(name));
            builder.AddSample(frames, value);
        }

        return builder.Build();
    }
}
