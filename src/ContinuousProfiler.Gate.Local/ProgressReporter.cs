using System.Diagnostics;
using System.Globalization;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Shows what a long run is doing (which side, run k of N, elapsed) on a terminal, and stays quiet
/// when stderr is not a terminal (CI logs).
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ProgressReporter(TextWriter writer, bool enabled)
    {
        _writer = writer;
        _enabled = enabled;
    }

    /// <summary>Reports one step.</summary>
    public void Step(string side, int run, int runs, string what = "profiling")
    {
        if (_enabled)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profgate: {what} {side}, run {run} of {runs} ({_clock.Elapsed.TotalSeconds:F0} s elapsed)"));
        }
    }

    /// <summary>Reports a free-form note (always shown: it says what the tool decided).</summary>
    public void Note(string message) => _writer.WriteLine($"profgate: {message}");
}
