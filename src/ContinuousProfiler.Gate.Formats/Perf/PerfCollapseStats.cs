namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>What a <see cref="PerfScriptCollapser"/> run skipped; filled while its samples are enumerated.</summary>
public sealed class PerfCollapseStats
{
    /// <summary>The event type kept (given, or the first one seen), or null when no event line named one.</summary>
    public string? EventFilter { get; internal set; }

    /// <summary>Records dropped because their event type differs from <see cref="EventFilter"/>.</summary>
    public int FilteredRecords { get; internal set; }

    /// <summary>Lines that are neither comments, blank, event lines nor frame lines.</summary>
    public int UnrecognizedLines { get; internal set; }

    /// <summary>1-based number of the first unrecognized line, or 0.</summary>
    public int FirstUnrecognizedLine { get; internal set; }

    /// <summary>Samples emitted.</summary>
    public int Samples { get; internal set; }
}
