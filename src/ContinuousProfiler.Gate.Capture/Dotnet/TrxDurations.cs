using System.Globalization;
using System.Xml.Linq;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// Reads per-test wall time from a VSTest TRX file, keyed like the test scenarios (the test name
/// without arguments, so theory cases add up).
/// </summary>
public static class TrxDurations
{
    /// <summary>Test name → milliseconds; empty when the file is missing or unreadable.</summary>
    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        var durations = new SortedDictionary<string, double>(StringComparer.Ordinal);
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return durations;
        }

        foreach (var result in document.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var name = (string?)result.Attribute("testName");
            var duration = (string?)result.Attribute("duration");
            if (name is null || duration is null || !TimeSpan.TryParse(duration, CultureInfo.InvariantCulture, out var time))
            {
                continue;
            }

            var paren = name.IndexOf('(');
            var key = paren > 0 ? name[..paren] : name;
            durations[key] = durations.GetValueOrDefault(key) + time.TotalMilliseconds;
        }

        return durations;
    }
}
