using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Analysis;

public sealed class FunctionSummaryTests
{
    [Fact]
    public void Self_counts_leaves_and_total_counts_recursion_once_per_stack()
    {
        var profile = TestProfiles.FromFolded("""
            main;fib;fib;fib 4
            main;fib;print 1
            main 2
            """);

        var summary = FunctionSummary.Compute(profile, 0);
        var byName = summary.Functions.ToDictionary(f => f.Name);

        Assert.Equal(7, summary.Total);
        Assert.Equal((2.0, 7.0), (byName["main"].Self, byName["main"].Total));
        Assert.Equal((4.0, 5.0), (byName["fib"].Self, byName["fib"].Total));
        Assert.Equal((1.0, 1.0), (byName["print"].Self, byName["print"].Total));
        Assert.Equal(["fib", "main", "print"], summary.Top(0, byTotal: false).Select(f => f.Name));
        Assert.Equal(["main", "fib"], summary.Top(2, byTotal: true).Select(f => f.Name));
    }

    [Fact]
    public void Call_tree_keeps_self_and_total_per_path()
    {
        var profile = TestProfiles.FromFolded("""
            main;a;b 3
            main;a 1
            main;c;b 2
            """);

        var tree = CallTree.Build(profile, 0);
        var a = tree.Root.Child("main")!.Child("a")!;

        Assert.Equal(6, tree.Root.Total);
        Assert.Equal((1.0, 4.0), (a.Self, a.Total));
        Assert.Equal(3, a.Child("b")!.Self);
        Assert.Equal(["main", "c", "b"], tree.Root.Child("main")!.Child("c")!.Child("b")!.Path());
    }
}
