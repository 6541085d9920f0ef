using System.Globalization;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>The one line capture and import print when a set is written.</summary>
public static class CaptureSummary
{
    public static string Line(CaptureResult result)
    {
        var manifest = result.Manifest;
        var runs = manifest.Scenarios.Sum(s => s.Runs.Length);
        var samples = manifest.Scenarios.Sum(s => s.Runs.Sum(r => r.Samples));
        var unresolved = manifest.Properties.TryGetValue("capture.unresolvedShare", out var share)
            ? double.Parse(share, CultureInfo.InvariantCulture)
            : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"wrote {result.Directory}: {manifest.Scenarios.Length} scenario(s), {runs} profile(s), {samples:N0} samples, {unresolved * 100:0.0}% unresolved");
    }
}
