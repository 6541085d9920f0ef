namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>What happens to findings when base and head were taken on different environments.</summary>
public enum EnvironmentMismatch
{
    /// <summary>Fail-level findings become warnings (the default).</summary>
    Warn,

    /// <summary>Findings keep their level.</summary>
    Fail,

    /// <summary>Function findings are dropped; only a notice remains.</summary>
    Skip,
}
