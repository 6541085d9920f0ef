namespace ContinuousProfiler.Gate.Config;

/// <summary>The key names of every section of <c>.profgate.yml</c>, in documentation order.</summary>
internal static class ConfigKeys
{
    public static readonly string[] Root =
        ["version", "defaults", "rules", "time", "scenarios", "normalize", "environmentMismatch", "local", "baseline"];

    public static readonly string[] Defaults = ["sampleType", "measure", "warn", "fail", "floor", "confidence", "failConfidence", "jitter", "ignore"];

    public static readonly string[] Rule = ["match", "name", "sampleType", "measure", "warn", "fail", "floor", "ignore"];

    public static readonly string[] Time = ["warn", "fail", "ignore"];

    public static readonly string[] Scenarios = ["include", "exclude"];

    public static readonly string[] Rewrite = ["pattern", "replacement"];

    public static readonly string[] Local = ["command", "repeat", "name", "profiler"];

    public static readonly string[] Baseline = ["maxCommitsBack", "branches"];
}
