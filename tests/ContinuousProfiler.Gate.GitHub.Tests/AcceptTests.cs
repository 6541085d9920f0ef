using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.GitHub.Accept;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

public sealed class AcceptTests
{
    [Fact]
    public void Trailers_come_from_the_last_paragraph_only()
    {
        const string message = "Speed up parsing\n\nThis mentions\nProfgate-Accept: NotThis.*\nin the body.\n\nSigned-off-by: A <a@b>\nProfgate-Accept: Parser.*\nprofgate-accept:   Lexer.Next  \n";
        Assert.Equal(["Parser.*", "Lexer.Next"], AcceptRequest.Trailers(message));
        Assert.Empty(AcceptRequest.Trailers("Profgate-Accept: subject.only"));
    }

    [Fact]
    public void The_label_and_trailers_of_all_commits_are_combined()
    {
        var request = AcceptRequest.From(["bug", "Profgate:Accept"], ["a\n\nProfgate-Accept: B.*", "b\n\nProfgate-Accept: A.*\nProfgate-Accept: B.*"]);
        Assert.True(request.Label);
        Assert.Equal(["A.*", "B.*"], request.Globs.ToArray());
        Assert.True(AcceptRequest.From(["bug"], ["x"]).IsEmpty);
    }

    [Fact]
    public void Matching_failures_become_accepted_warnings_and_others_stay()
    {
        var verdict = new Verdict([Fail("Parser.Read"), Fail("Lexer.Next"), Warn("Parser.Other")]);
        var result = VerdictAcceptance.Apply(verdict, new AcceptRequest(false, ["Parser.*"]));
        Assert.True(result.Failed);
        Assert.Equal("Lexer.Next", result.Findings[0].Function);
        Assert.Equal(["Parser.Other", "Parser.Read"], result.Findings.Skip(1).Select(f => f.Function).Order(StringComparer.Ordinal));
        var accepted = result.Findings.Single(f => f.Function == "Parser.Read");
        Assert.True(accepted.Accepted);
        Assert.Equal(FindingLevel.Warn, accepted.Level);
        Assert.False(result.Findings.Single(f => f.Function == "Parser.Other").Accepted);
    }

    [Fact]
    public void The_label_accepts_every_failure()
    {
        var result = VerdictAcceptance.Apply(new Verdict([Fail("A"), Fail("(scenario wall time)")]), new AcceptRequest(true, []));
        Assert.False(result.Failed);
        Assert.All(result.Findings, f => Assert.True(f.Accepted));
    }

    [Fact]
    public void A_broken_glob_in_a_trailer_is_one_line()
    {
        var error = Assert.Throws<InputException>(() => VerdictAcceptance.Apply(new Verdict([Fail("A")]), new AcceptRequest(false, ["A\\"])));
        Assert.StartsWith("commit trailer 'Profgate-Accept: A\\'", error.Message);
    }

    private static Finding Fail(string function) => new()
    {
        Scenario = "s", Function = function, Kind = FindingKind.Regression, Level = FindingLevel.Fail, SampleType = "cpu", Change = 0.2,
    };

    private static Finding Warn(string function) => Fail(function) with { Level = FindingLevel.Warn };
}
