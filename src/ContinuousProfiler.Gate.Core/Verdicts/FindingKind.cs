namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>What a finding says happened. Serialized in lower case.</summary>
public enum FindingKind
{
    /// <summary>A function (or scenario time) got significantly slower or hungrier.</summary>
    Regression,

    /// <summary>A function (or scenario time) got significantly faster or leaner.</summary>
    Improvement,

    /// <summary>A function that base did not have now holds a share above the floor.</summary>
    New,

    /// <summary>A function that base had above the floor is absent in head.</summary>
    Gone,

    /// <summary>Something the reader should know that is not a change (too few samples, environment mismatch, no baseline).</summary>
    Notice,
}

/// <summary>How much a finding matters. Serialized in lower case.</summary>
public enum FindingLevel
{
    /// <summary>Fails the gate (exit code 1).</summary>
    Fail,

    /// <summary>Shown prominently, does not fail.</summary>
    Warn,

    /// <summary>Shown for context.</summary>
    Info,
}
