using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>
/// action.yml run step by step with the real profgate (restored from a warm cache: the test's own build)
/// against the fake GitHub API: the scripts' options must be ones profgate really accepts.
/// </summary>
public sealed class ActionEndToEndTests : IDisposable
{
    private readonly GateJob _job = new();

    public void Dispose() => _job.Dispose();

    [ContractFact]
    public void Report_mode_downloads_the_fork_set_renders_uploads_then_comments_with_the_link_and_fails_the_head()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: new FakeRepository(2, "contributor", "Hello-World"));
        var head = _job.WriteHead(GateProfiles.Regressed, properties: _job.PullRequestProperties());
        using var action = Action("workflow_run", _job.ForkWorkflowRunPayload(9100));
        action.DownloadInto = path => Copy(head, path);
        action.Runner.Inputs["mode"] = "report";

        var run = action.Runner.Run();
        Assert.All(run.Steps.Where(s => s.Id != "publish"), s => Assert.True(s.ExitCode == 0, run.Log));
        Assert.True(run.Step("publish").ExitCode == 1, run.Log);
        Assert.False(run.Step("capture").Ran);

        var report = Assert.Single(action.Uploads);
        Assert.Equal($"profgate-report-{_job.HeadSha}-default", report.Name);
        Assert.True(report.Existed);
        Assert.Equal(report.Path, run.Outputs["report-path"]);
        Assert.Equal("fail", run.Outputs["verdict"]);
        Assert.Equal(_job.BaseSha, run.Outputs["baseline-commit"]);
        Assert.NotEqual("0", run.Outputs["regressions"]);

        var comment = Assert.Single(_job.Api.Comments);
        Assert.Equal(GateJob.PullNumber, comment.IssueNumber);
        Assert.Contains(run.Step("report").Outputs["artifact-url"], comment.Body);
        var status = Assert.Single(_job.Api.Statuses);
        Assert.Equal((_job.HeadSha, "failure"), (status.Sha, status.State));
        Assert.Contains("Parser.Parse", File.ReadAllText(action.Runner.StepSummary));
        _job.AssertContract();
    }

    [ContractFact]
    public void Full_mode_on_a_pull_request_captures_uploads_the_set_with_its_pull_request_then_gates_and_comments()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        using var action = Action("pull_request", _job.PullRequestPayload("opened"));
        action.Runner.Environment["GITHUB_BASE_REF"] = "main";
        action.Runner.Inputs["profiler"] = "files";
        action.Runner.Inputs["collect"] = "prof/*.folded";
        // The workload writes its own profile (files profiler): Parser.Parse twice the steady cost, with run-to-run jitter.
        action.Runner.Inputs["command"] = "mkdir -p prof && printf 'Main;App.Run;Parser.Parse %d\\nMain;App.Run;Renderer.Render %d\\nMain;App.Run;Store.Save %d\\n' "
            + "$((80000 + RANDOM % 300)) $((40000 + RANDOM % 300)) $((20000 + RANDOM % 300)) > prof/bench.folded";

        var run = action.Runner.Run();
        Assert.All(run.Steps.Where(s => s.Id != "publish"), s => Assert.True(s.ExitCode == 0, run.Log));
        Assert.True(run.Step("publish").ExitCode == 1, run.Log);

        var set = action.Uploads.Single(u => u.Name == $"profgate-{_job.HeadSha}-default");
        var manifest = Store.Sets.ProfileSetReader.ReadManifest(set.Path);
        Assert.Equal(3, manifest.Scenarios.Single().Runs.Length);
        Assert.Equal("2", manifest.Properties["github.pull_request.number"]);
        Assert.Equal("main", manifest.Properties["github.pull_request.base_ref"]);
        Assert.Equal(_job.HeadSha, manifest.Properties["github.pull_request.head_sha"]);
        Assert.Equal("Codertocat/Hello-World", manifest.Properties["github.pull_request.head_repo"]);

        var report = action.Uploads.Single(u => u.Name == $"profgate-report-{_job.HeadSha}-default");
        Assert.True(report.Order > set.Order);
        Assert.Equal("fail", run.Outputs["verdict"]);
        var comment = Assert.Single(_job.Api.Comments);
        Assert.Contains("Parser.Parse", comment.Body);
        Assert.Contains(run.Step("report").Outputs["artifact-url"], comment.Body);
        Assert.Empty(_job.Api.Statuses);
        _job.AssertContract();
    }

    [ContractFact]
    public void Report_mode_with_nothing_to_report_skips_the_upload_and_passes()
    {
        _job.UseDefaultBranchClone();
        _job.AddPullRequest(fork: new FakeRepository(2, "contributor", "Hello-World"), headSha: new string('f', 40));
        var head = _job.WriteHead(GateProfiles.Regressed, properties: _job.PullRequestProperties());
        using var action = Action("workflow_run", _job.ForkWorkflowRunPayload(9101));
        action.DownloadInto = path => Copy(head, path);
        action.Runner.Inputs["mode"] = "report";

        var run = action.Runner.Run();
        Assert.True(run.Succeeded, run.Log);
        Assert.False(run.Step("report").Ran);
        Assert.Empty(action.Uploads);
        Assert.Equal("skipped", run.Outputs["verdict"]);
        Assert.Empty(_job.Api.Comments);
    }

    [ContractFact]
    public void Mode_ab_runs_only_with_a_profgate_that_has_the_local_verb()
    {
        using var action = Action("pull_request", _job.PullRequestPayload("opened"));
        action.Runner.Inputs["mode"] = "ab";
        action.Runner.Inputs["profiler"] = "perf";
        action.Runner.Inputs["command"] = "exit 3";
        var run = action.Runner.Run();
        var ab = run.Step("ab");
        var hasLocal = ProfgateProcess.Run(_job.Workspace, "--help").StdOut.Contains("\n  local ", StringComparison.Ordinal);
        if (hasLocal)
        {
            // The step reaches 'profgate local' itself (not the missing-verb guard), which checks out the base and runs
            // the command under capture; the command's failure ends the step with exit 2 before any gate step.
            var text = ab.StdOut + ab.StdErr;
            Assert.Equal(2, ab.ExitCode);
            Assert.DoesNotContain("needs the 'profgate local' verb", text, StringComparison.Ordinal);
            Assert.True(text.Contains("checked out in", StringComparison.Ordinal) && text.Contains("profiled command failed (exit 3)", StringComparison.Ordinal), text);
            Assert.False(run.Step("gate").Ran);
        }
        else
        {
            Assert.Equal(2, ab.ExitCode);
            Assert.Contains("mode: ab needs the 'profgate local' verb", ab.StdOut);
            Assert.False(run.Step("gate").Ran);
        }
    }

    private ActionFixture Action(string eventName, System.Text.Json.Nodes.JsonObject payload)
    {
        var action = new ActionFixture(eventName, payload, _job.Workspace);
        action.Runner.GitHub["token"] = FakeGitHubApi.DefaultToken;
        action.Runner.GitHub["repository"] = _job.Api.Repository.FullName;
        action.Runner.Environment["GITHUB_REPOSITORY"] = _job.Api.Repository.FullName;
        action.Runner.Environment["GITHUB_API_URL"] = _job.Api.BaseUrl.TrimEnd('/');
        action.Runner.Environment["GITHUB_SHA"] = _job.BaseSha;
        action.Runner.Environment["GITHUB_REF"] = "refs/heads/main";
        action.Runner.Environment["GIT_TERMINAL_PROMPT"] = "0";
        action.Runner.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A warm cache: the restored build folder is this test's own build of profgate.
        action.RestoreCache = path => Directory.CreateSymbolicLink(path, AppContext.BaseDirectory);
        return action;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
