using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>Recognises test-framework frames and turns a test method's frame into a scenario name.</summary>
public static partial class TestFrames
{
    /// <summary>
    /// True for a frame of a test framework's engine, the code that invokes test methods (xunit v2 and v3,
    /// NUnit, MSTest). Runner adapters are not engines: below them run serializers and IPC, not tests.
    /// </summary>
    public static bool IsFramework(Frame frame) =>
        frame.Module is { } m
        && (m.StartsWith("xunit.execution", StringComparison.Ordinal)
            || m is "xunit.v3.core" or "xunit.core" or "nunit.framework"
            || m.StartsWith("microsoft.visualstudio.testplatform.testframework", StringComparison.Ordinal)
            || m.StartsWith("mstest.", StringComparison.Ordinal));

    /// <summary>True for frames that cannot be a test method: the runtime, Microsoft libraries, test frameworks, unresolved code.</summary>
    public static bool IsInfrastructure(Frame frame) =>
        frame.Module is not { } m
        || frame.Name == Frame.UnresolvedName
        || frame.Name.StartsWith("System.", StringComparison.Ordinal)
        || frame.Name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || frame.Name.StartsWith("Interop", StringComparison.Ordinal)
        || frame.Name.StartsWith("Internal.", StringComparison.Ordinal)
        || m.StartsWith("system.", StringComparison.Ordinal)
        || m.StartsWith("microsoft.", StringComparison.Ordinal)
        || m is "system" or "netstandard" or "mscorlib" or "testhost" or "newtonsoft.json"
        || m.StartsWith("xunit", StringComparison.Ordinal)
        || m.StartsWith("nunit", StringComparison.Ordinal)
        || m.StartsWith("mstest", StringComparison.Ordinal);

    /// <summary>True for frames a test engine's call passes through on its way to the test method: the runtime's reflection invoke and stubs.</summary>
    public static bool IsInvokePath(Frame frame) =>
        frame.Name == Frame.UnresolvedName || frame.Module is null or "system.private.corelib" or "system.runtime";

    /// <summary>True for constructors and type initializers (test-class set-up, not a test).</summary>
    public static bool IsConstructor(Frame frame) =>
        frame.Name.Contains("..ctor", StringComparison.Ordinal) || frame.Name.Contains("..cctor", StringComparison.Ordinal);

    /// <summary>
    /// The test's name for a frame: the method without its parameter list; async state machines
    /// (<c>T+&lt;M&gt;d__5.MoveNext</c>) and lambdas (<c>T+&lt;&gt;c.&lt;M&gt;b__0_0</c>) give <c>T.M</c>.
    /// </summary>
    public static string TestName(Frame frame)
    {
        var name = frame.Name;
        var paren = name.IndexOf('(');
        if (paren > 0)
        {
            name = name[..paren];
        }

        var match = StateMachine().Match(name);
        if (!match.Success)
        {
            match = Lambda().Match(name);
        }

        return match.Success ? $"{match.Groups["type"].Value}.{match.Groups["method"].Value}" : name;
    }

    /// <summary>True when <see cref="TestName"/> derives the name from compiler-generated code (async or lambda).</summary>
    public static bool IsGeneratedFromTest(Frame frame)
    {
        var name = frame.Name;
        var paren = name.IndexOf('(');
        if (paren > 0)
        {
            name = name[..paren];
        }

        return StateMachine().IsMatch(name) || Lambda().IsMatch(name);
    }

    [GeneratedRegex(@"^(?<type>.+)\+<(?<method>[^>]+)>d__\d+\.MoveNext$", RegexOptions.CultureInvariant)]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"^(?<type>.+?)\+<>c(?:__DisplayClass[\d_]+)?\.<(?<method>[^>]+)>b__[\d_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Lambda();
}
