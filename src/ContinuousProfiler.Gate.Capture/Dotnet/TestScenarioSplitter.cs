using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// Splits one run's profile into one profile per test, by the test method's frame on each stack: the
/// first frame of user code below the deepest test-framework frame. Continuations of async tests and
/// lambdas that run on pool threads (no framework frame above them) are matched by their
/// compiler-generated names in the test assemblies found that way. Samples with no test frame are
/// left out and counted.
/// </summary>
public static class TestScenarioSplitter
{
    /// <summary>The split, or null when the profile holds no test-framework frames (not a test run).</summary>
    /// <param name="profile">The run's merged profile.</param>
    /// <param name="unattributed">The default-column value of samples no test could be found for.</param>
    public static IReadOnlyDictionary<string, Profile>? Split(Profile profile, out double unattributed)
    {
        unattributed = 0;
        var names = new string?[profile.Samples.Length];
        var testModules = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < names.Length; s++)
        {
            var test = FromFrameworkCall(profile, profile.Samples[s]);
            if (test is { } frame)
            {
                names[s] = TestFrames.TestName(frame);
                testModules.Add(frame.Module!);
            }
        }

        if (testModules.Count == 0)
        {
            return null;
        }

        var builders = new SortedDictionary<string, ProfileBuilder>(StringComparer.Ordinal);
        for (var s = 0; s < names.Length; s++)
        {
            var sample = profile.Samples[s];
            var name = names[s] ?? FromGeneratedCode(profile, sample, testModules);
            if (name is null)
            {
                unattributed += sample.Values[profile.DefaultSampleType];
                continue;
            }

            if (!builders.TryGetValue(name, out var builder))
            {
                builder = new ProfileBuilder(profile.SampleTypes, profile.DefaultSampleType)
                {
                    Metadata = profile.Metadata with { Scenario = name },
                };
                builders.Add(name, builder);
            }

            builder.AddSample(profile.StackOf(sample), [.. sample.Values]);
        }

        return builders.ToDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal);
    }

    private static Frame? FromFrameworkCall(Profile profile, Sample sample)
    {
        var stack = sample.Stack;
        var deepest = -1;
        for (var i = 0; i < stack.Length; i++)
        {
            if (TestFrames.IsFramework(profile.Frames[stack[i]]))
            {
                deepest = i;
            }
        }

        if (deepest < 0)
        {
            return null;
        }

        // Between the engine and the test method lie only the runtime's reflection invoke frames.
        for (var i = deepest + 1; i < stack.Length; i++)
        {
            var frame = profile.Frames[stack[i]];
            if (TestFrames.IsInvokePath(frame))
            {
                continue;
            }

            return TestFrames.IsInfrastructure(frame) || TestFrames.IsConstructor(frame) ? null : frame;
        }

        return null;
    }

    private static string? FromGeneratedCode(Profile profile, Sample sample, HashSet<string> testModules)
    {
        foreach (var index in sample.Stack)
        {
            var frame = profile.Frames[index];
            if (frame.Module is { } module && testModules.Contains(module) && TestFrames.IsGeneratedFromTest(frame))
            {
                return TestFrames.TestName(frame);
            }
        }

        return null;
    }
}
