using ContinuousProfiler.Gate.Capture;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Captures several sides (base and head) in rounds, one run per side per round (base, head, base, head…),
/// so drift on the machine hits every side alike; then joins each side's runs into one set.
/// </summary>
/// <param name="capture">The capture service (its own progress off: this class reports per side and run).</param>
/// <param name="progress">Progress lines (a terminal only) and notes.</param>
/// <param name="interruption">Checked between runs; a signal turns any failure into a cancellation.</param>
public sealed class InterleavedCapture(CaptureService capture, ProgressReporter progress, Interruption? interruption = null)
{
    /// <summary>Runs <paramref name="rounds"/> rounds and returns each side's combined set folder, by label.</summary>
    /// <param name="sides">The sides, in the order they run within a round.</param>
    /// <param name="rounds">Runs per side (≥ 1).</param>
    /// <param name="scratch">A folder for the per-run sets and the combined sets.</param>
    /// <param name="properties">Properties added to every combined set's manifest.</param>
    /// <param name="timingRuns">Unprofiled timing runs per side in all, spread over the rounds (capture interleaves them with the profiled run).</param>
    public IReadOnlyDictionary<string, string> Run(IReadOnlyList<CaptureSide> sides, int rounds, string scratch, IReadOnlyDictionary<string, string>? properties = null, int timingRuns = 0)
    {
        if (rounds < 1)
        {
            throw new InputException($"--repeat {rounds}: expected a whole number of at least 1");
        }

        var runs = sides.ToDictionary(s => s.Label, _ => new List<string>(), StringComparer.Ordinal);
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var side in sides)
            {
                interruption?.ThrowIfRequested();
                progress.Step(side.Label, round, rounds);
                var output = Path.Combine(scratch, $"{side.Label}-{round}");
                var timing = (timingRuns / rounds) + (round <= timingRuns % rounds ? 1 : 0);
                Capture(side, side.Options with { Repeat = 1, TimingRuns = timing, OutputDirectory = output });
                runs[side.Label].Add(output);
            }
        }

        interruption?.ThrowIfRequested();
        return sides.ToDictionary(
            s => s.Label,
            s =>
            {
                var combined = Path.Combine(scratch, s.Label);
                SetCombiner.Combine(runs[s.Label], combined, properties);
                return combined;
            },
            StringComparer.Ordinal);
    }

    private void Capture(CaptureSide side, CaptureOptions options)
    {
        try
        {
            capture.Capture(options);
        }
        catch (Exception) when (interruption?.Requested == true)
        {
            throw new OperationCanceledException("interrupted");
        }
        catch (InputException e)
        {
            throw new InputException($"{side.Label} side (in {options.Directory}): {e.Message}", e.ExitCode, e);
        }
    }
}
