using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>
/// Gathers profiled and timing runs into the scenarios of a ProfileSet: per scenario its profiles,
/// run entries (wall/CPU time), unprofiled timings and unresolved share; plus set-wide unresolved and
/// unattributed shares for the manifest's properties.
/// </summary>
public sealed class CaptureSetAssembler
{
    private readonly SortedDictionary<string, List<Profile>> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RunEntry>> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Unresolved, double Total)> _unresolved = new(StringComparer.Ordinal);
    private readonly List<TimedRun> _timed = [];
    private double _unattributed;
    private double _kept;
    private bool _isTestRun;

    /// <summary>Samples (default column) in all scenarios so far.</summary>
    public double TotalSamples => _unresolved.Values.Sum(v => v.Total);

    /// <summary>Adds one profiled run.</summary>
    public void Add(ProfiledRun run)
    {
        _isTestRun |= run.IsTestRun;
        _unattributed += run.Unattributed;
        _kept += run.Total;
        foreach (var (name, profile) in run.Scenarios.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (profile.Samples.Length == 0)
            {
                continue;
            }

            if (!_profiles.TryGetValue(name, out var list))
            {
                _profiles[name] = list = [];
                _runs[name] = [];
            }

            list.Add(profile);
            _runs[name].Add(run.IsTestRun
                ? new RunEntry("", 0, run.ScenarioWallMs?.GetValueOrDefault(name) ?? 0)
                : new RunEntry("", 0, run.Outcome.WallMs, run.Outcome.CpuMs));
            var (unresolved, total) = UnresolvedShare.Count(profile);
            var sum = _unresolved.GetValueOrDefault(name);
            _unresolved[name] = (sum.Unresolved + unresolved, sum.Total + total);
        }
    }

    /// <summary>Adds one timing run.</summary>
    public void Add(TimedRun run) => _timed.Add(run);

    /// <summary>The profiles per scenario, for the set writer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Profile>> Profiles =>
        _profiles.ToDictionary(p => p.Key, p => (IReadOnlyList<Profile>)p.Value, StringComparer.Ordinal);

    /// <summary>The scenario entries (file names are filled in by the writer).</summary>
    public ImmutableArray<ScenarioEntry> Scenarios()
    {
        var entries = ImmutableArray.CreateBuilder<ScenarioEntry>();
        foreach (var name in _profiles.Keys)
        {
            var timings = ImmutableArray.CreateBuilder<TimingRun>();
            foreach (var timed in _timed)
            {
                if (timed.ScenarioWallMs is null)
                {
                    // A test run's scenarios are single tests: the whole command's time is not theirs.
                    if (!_isTestRun)
                    {
                        timings.Add(new TimingRun(timed.Outcome.WallMs, timed.Outcome.CpuMs));
                    }
                }
                else if (timed.ScenarioWallMs.TryGetValue(name, out var wall))
                {
                    timings.Add(new TimingRun(wall, 0));
                }
            }

            var (unresolved, total) = _unresolved[name];
            entries.Add(new ScenarioEntry(name, [.. _runs[name]], timings.ToImmutable(), total > 0 ? Math.Round(unresolved / total, 6) : 0));
        }

        return entries.ToImmutable();
    }

    /// <summary>Set-wide figures for the manifest's properties.</summary>
    public ImmutableSortedDictionary<string, string> Properties()
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var unresolved = _unresolved.Values.Sum(v => v.Unresolved);
        var total = TotalSamples;
        properties["capture.unresolvedShare"] = Format(total > 0 ? unresolved / total : 0);
        if (_isTestRun)
        {
            properties["capture.unattributedShare"] = Format(_kept > 0 ? _unattributed / _kept : 0);
        }

        return properties.ToImmutable();
    }

    private static string Format(double share) => share.ToString("0.######", CultureInfo.InvariantCulture);
}
