using ContinuousProfiler.Gate.Capture.Dotnet;
using ContinuousProfiler.Gate.Core.Model;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

public sealed class TestScenarioSplitterTests
{
    [Fact]
    public void SplitsByTheTestMethodBelowTheFrameworkEngine()
    {
        var profile = Build(
            ("xunit.execution.dotnet!Xunit.Sdk.TestInvoker.CallTestMethod();system.private.corelib!System.Reflection.MethodBaseInvoker.InvokeWithNoArgs();[unresolved];t!T.Tests.Parses();lib!L.Parser.Parse()", 5),
            ("xunit.execution.dotnet!Xunit.Sdk.TestInvoker.CallTestMethod();t!T.Tests.Parses();lib!L.Parser.Digits()", 2),
            ("xunit.execution.dotnet!Xunit.Sdk.TestInvoker.CallTestMethod();t!T.Tests.Sums(int32)", 3),
            ("xunit.execution.dotnet!Xunit.Sdk.TestInvoker.CallTestMethod();t!T.Tests..ctor()", 4),
            ("System.Threading.ThreadPoolWorkQueue.Dispatch();t!T.Tests+<Waits>d__3.MoveNext();lib!L.Slow()", 6),
            ("System.Threading.ThreadPoolWorkQueue.Dispatch();t!T.Tests+<>c__DisplayClass0_0.<Runs>b__0();lib!L.Slow()", 7),
            ("System.Threading.ThreadPoolWorkQueue.Dispatch();lib!L.Other+<Work>d__1.MoveNext()", 8),
            ("xunit.runner.visualstudio.testadapter!Xunit.Runner.Send();newtonsoft.json!Newtonsoft.Json.JsonSerializer.Serialize()", 9));

        var split = TestScenarioSplitter.Split(profile, out var unattributed);

        Assert.NotNull(split);
        Assert.Equal(["T.Tests.Parses", "T.Tests.Runs", "T.Tests.Sums", "T.Tests.Waits"], split.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(7, split["T.Tests.Parses"].Total(0));
        Assert.Equal(3, split["T.Tests.Sums"].Total(0));
        Assert.Equal(6, split["T.Tests.Waits"].Total(0));
        Assert.Equal(7, split["T.Tests.Runs"].Total(0));
        Assert.Equal(4 + 8 + 9, unattributed);
        Assert.Equal("T.Tests.Parses", split["T.Tests.Parses"].Metadata.Scenario);
    }

    [Fact]
    public void NotATestRunWithoutFrameworkFrames()
    {
        var profile = Build(("app!Program.Main();app!Work.Hot()", 10));

        Assert.Null(TestScenarioSplitter.Split(profile, out _));
    }

    [Theory]
    [InlineData("N.C.M()", "N.C.M")]
    [InlineData("N.C+<M>d__12.MoveNext()", "N.C.M")]
    [InlineData("N.C+<>c.<M>b__3_0(int32)", "N.C.M")]
    [InlineData("N.Outer+Inner.M(class System.String)", "N.Outer+Inner.M")]
    public void TestNames(string frame, string expected) => Assert.Equal(expected, TestFrames.TestName(new Frame(frame, "t")));

    private static Profile Build(params (string Stack, double Value)[] samples)
    {
        var builder = new ProfileBuilder("samples", "count");
        foreach (var (stack, value) in samples)
        {
            builder.AddSample(stack.Split(';').Select(Parse), value);
        }

        return builder.Build();
    }

    private static Frame Parse(string text)
    {
        var bang = text.IndexOf('!');
        return bang < 0 ? new Frame(text) : new Frame(text[(bang + 1)..], text[..bang]);
    }
}
