using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// Answers, for a gate policy, which rule applies to a function under a sample type, which
/// sample types are judged, and which scenarios are compared.
/// </summary>
/// <remarks>
/// Rules are tried in order; the first whose glob matches the normalized function name and whose
/// <c>sampleType</c> is unset or equal to the type being judged wins, and its unset fields come from
/// the defaults. A rule without a sample type judges the primary type only (the defaults' sample
/// type, else the one passed in, typically the profile's default type or <c>--sample-type</c>);
/// under any other type the function is ignored. A rule that names a sample type adds that type
/// to the judged ones, for the functions it matches only.
/// </remarks>
public sealed class PolicyResolver
{
    /// <summary>The rule name findings cite when no rule matched.</summary>
    public const string DefaultsName = "defaults";

    /// <summary>The rule name of scenario-time findings.</summary>
    public const string TimeName = "time";

    private readonly (GateRule Rule, Glob Glob)[] _rules;
    private readonly Glob[] _include;
    private readonly Glob[] _exclude;

    /// <summary>Compiles the policy's globs.</summary>
    /// <param name="policy">The policy (from the config file or <see cref="GatePolicy.Default"/>).</param>
    /// <param name="defaultSampleType">
    /// The type judged when the defaults name none (the profile's default type); null judges every type.
    /// </param>
    public PolicyResolver(GatePolicy policy, string? defaultSampleType = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        PrimarySampleType = policy.Defaults.SampleType ?? defaultSampleType;
        _rules = policy.Rules.Select((r, i) => (r, Compile(r.Match, $"rules[{i}].match"))).ToArray();
        _include = policy.IncludeScenarios.Select((g, i) => Compile(g, $"scenarios.include[{i}]")).ToArray();
        _exclude = policy.ExcludeScenarios.Select((g, i) => Compile(g, $"scenarios.exclude[{i}]")).ToArray();
    }

    /// <summary>The policy resolved.</summary>
    public GatePolicy Policy { get; }

    /// <summary>The sample type rules without their own type judge, or null for every type.</summary>
    public string? PrimarySampleType { get; }

    /// <summary>The settings for <paramref name="function"/> (a normalized name) under <paramref name="sampleType"/>.</summary>
    public ResolvedRule Resolve(string function, SampleType sampleType)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(sampleType);
        var defaults = Policy.Defaults;
        foreach (var (rule, glob) in _rules)
        {
            if ((rule.Settings.SampleType is null || Matches(rule.Settings.SampleType, sampleType)) && glob.IsMatch(function))
            {
                return Complete(rule.Name, rule.Settings.Over(defaults), sampleType);
            }
        }

        return Complete(DefaultsName, defaults, sampleType);
    }

    /// <summary>The settings for <paramref name="function"/> under the sample type named <paramref name="sampleType"/>.</summary>
    public ResolvedRule Resolve(string function, string sampleType) => Resolve(function, new SampleType(sampleType, ""));

    /// <summary>The thresholds for scenario wall and CPU time from unprofiled timing runs.</summary>
    public ResolvedRule ResolveTime()
    {
        var time = Policy.Time;
        return new ResolvedRule(
            TimeName,
            null,
            Measure.Total,
            time.Warn ?? GatePolicy.Default.Time.Warn!.Value,
            time.Fail ?? GatePolicy.Default.Time.Fail!.Value,
            time.Floor ?? 0,
            time.Ignore ?? false);
    }

    /// <summary>
    /// The indexes of <paramref name="available"/> that are judged: the primary type (or all
    /// types when there is none) and every type a non-ignoring rule names. Ascending.
    /// </summary>
    public IReadOnlyList<int> JudgedSampleTypes(IReadOnlyList<SampleType> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        var judged = new List<int>();
        for (var i = 0; i < available.Count; i++)
        {
            var type = available[i];
            if (PrimarySampleType is null
                || Matches(PrimarySampleType, type)
                || _rules.Any(r => r.Rule.Settings.SampleType is { } named && r.Rule.Settings.Ignore != true && Matches(named, type)))
            {
                judged.Add(i);
            }
        }

        return judged;
    }

    /// <summary>True when the scenario passes the include globs (none = all) and no exclude glob.</summary>
    public bool IncludesScenario(string scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (_include.Length == 0 || _include.Any(g => g.IsMatch(scenario))) && !_exclude.Any(g => g.IsMatch(scenario));
    }

    /// <summary>
    /// True when a rule's sample type names <paramref name="type"/>: by type name or as
    /// <c>type/unit</c>, ignoring case (as <c>--sample-type</c> does).
    /// </summary>
    public static bool Matches(string named, SampleType type) =>
        string.Equals(named, type.Type, StringComparison.OrdinalIgnoreCase)
        || string.Equals(named, type.ToString(), StringComparison.OrdinalIgnoreCase);

    private ResolvedRule Complete(string name, RuleSettings merged, SampleType judged)
    {
        var fallback = GatePolicy.Default.Defaults;
        var effectiveType = merged.SampleType ?? PrimarySampleType;
        var otherType = effectiveType is not null && !Matches(effectiveType, judged);
        return new ResolvedRule(
            name,
            effectiveType,
            merged.Measure ?? fallback.Measure!.Value,
            merged.Warn ?? fallback.Warn!.Value,
            merged.Fail ?? fallback.Fail!.Value,
            merged.Floor ?? fallback.Floor!.Value,
            otherType || (merged.Ignore ?? false));
    }

    private static Glob Compile(string pattern, string where)
    {
        try
        {
            return Glob.Parse(pattern);
        }
        catch (FormatException e)
        {
            throw new InputException($"gate policy {where}: {e.Message}");
        }
    }
}
