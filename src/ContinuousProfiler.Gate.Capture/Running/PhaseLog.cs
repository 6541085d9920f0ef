using System.Diagnostics;
using System.Globalization;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>
/// One line per capture phase with profgate's own wall and CPU time (this process only, the profiled
/// command's CPU excluded), so the tool's overhead can be split into start-up, trace conversion and
/// writing. Off unless a writer is given (the CLI gives stderr when <c>PROFGATE_PHASES=1</c>).
/// </summary>
public sealed class PhaseLog(TextWriter? writer)
{
    /// <summary>The variable that turns the log on when set to 1.</summary>
    public const string Variable = "PROFGATE_PHASES";

    private double _wallMs;
    private double _cpuMs;

    /// <summary>Writes the time spent since the previous mark (the first mark: since the process started).</summary>
    public void Mark(string phase)
    {
        if (writer is null)
        {
            return;
        }

        using var self = Process.GetCurrentProcess();
        var wall = (DateTime.Now - self.StartTime).TotalMilliseconds;
        var cpu = self.TotalProcessorTime.TotalMilliseconds;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"profgate: phase {phase}: {wall - _wallMs:F0} ms wall, {cpu - _cpuMs:F0} ms cpu (since start: {wall:F0} ms wall, {cpu:F0} ms cpu)"));
        _wallMs = wall;
        _cpuMs = cpu;
    }
}
