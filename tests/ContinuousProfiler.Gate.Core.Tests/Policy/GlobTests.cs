using ContinuousProfiler.Gate.Core.Policy;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Policy;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything at all", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("HotApp.*", "HotApp.Work.HotFunction", true)] // '*' crosses '.'
    [InlineData("*HotApp.Work.*", "hotapp!HotApp.Work.HotFunction", true)] // and '!'
    [InlineData("HotApp.*", "hotapp!HotApp.Work.HotFunction", false)] // whole-name match
    [InlineData("HotApp.*", "HotApp", false)]
    [InlineData("*.Parse", "System.Int32.Parse", true)]
    [InlineData("*.Parse", "System.Int32.ParseCore", false)]
    [InlineData("*Parse*", "System.Int32.TryParseCore", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYc ", false)]
    [InlineData("a**b", "aXXb", true)]
    [InlineData("Fib?", "Fib2", true)]
    [InlineData("Fib?", "Fib", false)]
    [InlineData("Fib?", "Fib12", false)]
    [InlineData("??", "ab", true)]
    [InlineData("hotapp!*", "HotApp!Run", false)] // ordinal, case-sensitive
    [InlineData(@"pkg.(\*Client).*", "pkg.(*Client).CallUnary", true)] // escaped star is literal
    [InlineData(@"pkg.(\*Client).*", "pkg.(xClient).CallUnary", false)]
    [InlineData(@"what\?", "what?", true)]
    [InlineData(@"what\?", "whatX", false)]
    [InlineData(@"a\\b", @"a\b", true)]
    [InlineData("*a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false)]
    public void Matches_whole_names_ordinally(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(name));
    }

    [Fact]
    public void A_trailing_backslash_is_rejected()
    {
        var e = Assert.Throws<FormatException>(() => Glob.Parse(@"abc\"));
        Assert.Contains(@"abc\", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_pattern_as_written()
    {
        Assert.Equal(@"pkg.(\*T).*", Glob.Parse(@"pkg.(\*T).*").Pattern);
    }
}
