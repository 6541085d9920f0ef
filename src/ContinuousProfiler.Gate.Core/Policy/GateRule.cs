namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// One ordered rule of <c>.profgate.yml</c>: functions whose normalized name matches
/// <see cref="Match"/> (a glob: <c>*</c> any run of characters, <c>?</c> one character, ordinal)
/// take <see cref="Settings"/> over the defaults. The first matching rule wins.
/// </summary>
/// <param name="Match">The glob on the normalized function name.</param>
/// <param name="Settings">What the rule sets.</param>
/// <param name="Name">How findings cite the rule (default: <c>rules[i] match</c>).</param>
public sealed record GateRule(string Match, RuleSettings Settings, string Name);
