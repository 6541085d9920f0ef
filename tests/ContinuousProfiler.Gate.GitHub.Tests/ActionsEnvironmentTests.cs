using ContinuousProfiler.Gate.GitHub.Actions;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

public sealed class ActionsEnvironmentTests
{
    [Fact]
    public void Reads_every_variable_through_the_given_reader()
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = "/tmp/event.json",
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_SHA"] = "abc",
            ["GITHUB_REF"] = "refs/pull/2/merge",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_HEAD_REF"] = "feature",
            ["GITHUB_RUN_ID"] = "42",
            ["GITHUB_SERVER_URL"] = "https://ghes.example/",
            ["GITHUB_API_URL"] = "https://ghes.example/api/v3",
            ["GITHUB_STEP_SUMMARY"] = "/tmp/summary.md",
            ["GITHUB_OUTPUT"] = "/tmp/output",
            ["GITHUB_TOKEN"] = "t",
        };
        var env = ActionsEnvironment.Read(name => variables.GetValueOrDefault(name));
        Assert.True(env.IsActions);
        Assert.Equal("pull_request", env.EventName);
        Assert.Equal("/tmp/event.json", env.EventPath);
        Assert.Equal("o/r", env.Repository);
        Assert.Equal("abc", env.Sha);
        Assert.Equal("refs/pull/2/merge", env.Ref);
        Assert.Equal("main", env.BaseRef);
        Assert.Equal("feature", env.HeadRef);
        Assert.Equal("https://ghes.example", env.ServerUrl);
        Assert.Equal("https://ghes.example/api/v3", env.ApiUrl);
        Assert.Equal("/tmp/summary.md", env.StepSummary);
        Assert.Equal("/tmp/output", env.Output);
        Assert.Equal("t", env.Token);
        Assert.Equal("https://ghes.example/o/r/actions/runs/42", env.RunUrl);
    }

    [Fact]
    public void Empty_variables_read_as_unset_and_defaults_apply()
    {
        var env = ActionsEnvironment.Read(name => name == "GITHUB_BASE_REF" ? "" : null);
        Assert.False(env.IsActions);
        Assert.Null(env.BaseRef);
        Assert.Equal("https://api.github.com", env.ApiUrl);
        Assert.Equal("https://github.com", env.ServerUrl);
        Assert.Null(env.RunUrl);
    }

    [Fact]
    public void GH_TOKEN_is_the_fallback_token()
    {
        Assert.Equal("x", ActionsEnvironment.Read(name => name == "GH_TOKEN" ? "x" : null).Token);
    }
}
