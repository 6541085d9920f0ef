using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

/// <summary>action.yml parsed and its steps run with bash, faked Actions variables and a recording profgate.</summary>
public sealed partial class ActionTests
{
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    [Fact]
    public void Every_declared_input_is_used_and_every_used_input_is_declared()
    {
        var action = YamlTree.Load(Paths.InRepo("action.yml"));
        var declared = action.Map("inputs").Keys.Order(StringComparer.Ordinal).ToList();
        var text = File.ReadAllText(Paths.InRepo("action.yml"));
        var stepsText = text[text.IndexOf("\nruns:", StringComparison.Ordinal)..];
        var used = InputReference().Matches(stepsText).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, used);
        Assert.Equal(
            ["alloc", "collect", "command", "comment", "config", "fail-on-regression", "github-token", "mode", "name", "profiler", "repeat", "retention-days", "timing-runs", "working-directory"],
            declared);
        Assert.All(action.Map("inputs").Values.Cast<Dictionary<string, object?>>(), i => Assert.False(string.IsNullOrWhiteSpace(i.Str("description"))));
    }

    [Fact]
    public void Run_steps_never_splice_expressions_into_shell_text()
    {
        // Inputs reach scripts only through env:, so a crafted input cannot inject shell.
        var steps = YamlTree.Load(Paths.InRepo("action.yml")).Map("runs").List("steps").Cast<Dictionary<string, object?>>();
        Assert.All(steps.Where(s => s.Str("run") is not null), s => Assert.DoesNotContain("${{", s.Str("run")));
    }

    [ContractFact]
    public void Every_input_reaches_a_profgate_option_or_a_named_step()
    {
        using var job = PullRequestJob(out var shim);
        Directory.CreateDirectory(Path.Combine(job.Workspace, "sub"));
        File.WriteAllText(Path.Combine(job.Workspace, "sub", "custom.yml"), "defaults: {}\n");
        var inputs = job.Runner.Inputs;
        inputs["command"] = "echo 'hello world' | cat";
        inputs["name"] = "grp-1";
        inputs["profiler"] = "files";
        inputs["repeat"] = "4";
        inputs["alloc"] = "true";
        inputs["timing-runs"] = "5";
        inputs["collect"] = "out/*.pb.gz";
        inputs["config"] = "custom.yml";
        inputs["github-token"] = "tok-123";
        inputs["comment"] = "on-change";
        inputs["fail-on-regression"] = "false";
        inputs["retention-days"] = "7";
        inputs["working-directory"] = "sub";

        var run = job.Runner.Run();
        Assert.True(run.Succeeded, run.Log);
        var calls = shim.Calls;
        var capture = calls.Single(c => c.Args[0] == "capture");
        var render = calls.Single(c => c.Args[0] == "gate" && c.Option("--stage") == "render");
        var publish = calls.Single(c => c.Args[0] == "gate" && c.Option("--stage") == "publish");

        // command, name, profiler, repeat, alloc, working-directory → capture
        Assert.Equal(["bash", "-c", "echo 'hello world' | cat"], capture.Command);
        Assert.Equal("grp-1", capture.Option("--name"));
        Assert.Equal("files", capture.Option("--profiler"));
        Assert.Equal("4", capture.Option("--repeat"));
        Assert.Contains("--alloc", capture.Args);
        Assert.Equal("5", capture.Option("--timing-runs"));
        Assert.Equal("out/*.pb.gz", capture.Option("--collect"));
        Assert.Equal(Path.Combine(job.Workspace, "sub"), capture.WorkingDirectory);
        Assert.Contains("github.pull_request.number=2", capture.Options("--property"));
        Assert.Contains("github.pull_request.base_ref=master", capture.Options("--property"));
        Assert.Contains($"github.pull_request.head_sha={HeadSha}", capture.Options("--property"));

        // config, name, working-directory, github-token → gate render
        Assert.Equal("custom.yml", render.Option("--config"));
        Assert.Equal("grp-1", render.Option("--group"));
        Assert.Equal("github:", render.Option("--store"));
        Assert.Equal(capture.Option("--out"), render.Option("--head"));
        Assert.Equal(Path.Combine(job.Workspace, "sub"), render.WorkingDirectory);
        Assert.Equal("tok-123", render.Token);

        // comment, fail-on-regression, github-token → gate publish, with the uploaded report's link
        Assert.Equal("on-change", publish.Option("--comment"));
        Assert.Equal("false", publish.Option("--fail-on-regression"));
        Assert.Equal("tok-123", publish.Token);
        Assert.Equal(render.Option("--out"), publish.Option("--out"));

        // name, retention-days → the upload steps; the report is uploaded before the publish step runs
        var set = job.Uploads.Single(u => u.Name == $"profgate-{HeadSha}-grp-1");
        Assert.Equal("7", set.RetentionDays);
        Assert.True(File.Exists(Path.Combine(set.Path, "manifest.json")));
        var report = job.Uploads.Single(u => u.Name == $"profgate-report-{HeadSha}-grp-1");
        Assert.Equal("7", report.RetentionDays);
        Assert.Equal(run.Step("report").Outputs["artifact-url"], publish.Option("--report-url"));
        Assert.True(StepIndex(run, "report") < StepIndex(run, "publish"));
        Assert.True(StepIndex(run, "gate") < StepIndex(run, "report"));

        // outputs come from the gate step
        Assert.Equal("fail", run.Outputs["verdict"]);
        Assert.Equal("3", run.Outputs["regressions"]);
        Assert.Equal(report.Path, run.Outputs["report-path"]);
        Assert.Equal("b0b", run.Outputs["baseline-commit"]);
    }

    [ContractFact]
    public void Mode_capture_on_a_pull_request_uploads_and_does_not_gate()
    {
        using var job = PullRequestJob(out var shim);
        job.Runner.Inputs["mode"] = "capture";
        job.Runner.Inputs["command"] = "true";
        var run = job.Runner.Run();
        Assert.True(run.Succeeded, run.Log);
        Assert.Equal(["capture"], shim.Calls.Select(c => c.Args[0]));
        Assert.Single(job.Uploads);
        Assert.False(run.Step("gate").Ran);
        Assert.False(run.Step("publish").Ran);
        Assert.Equal("", run.Outputs["verdict"]);
    }

    [ContractFact]
    public void Mode_full_on_a_push_records_a_baseline_only()
    {
        using var job = new ActionFixture("push", Webhooks.PushToBranch());
        var shim = new ProfgateShim(job.RunnerTemp);
        Install(job, shim);
        job.Runner.Inputs["command"] = "true";
        var run = job.Runner.Run();
        Assert.True(run.Succeeded, run.Log);
        var capture = shim.Calls.Single();
        Assert.Equal("capture", capture.Args[0]);
        Assert.DoesNotContain(capture.Options("--property"), p => p.StartsWith("github.pull_request.", StringComparison.Ordinal));
        Assert.Equal($"profgate-{job.Runner.GitHub["sha"]}-default", Assert.Single(job.Uploads).Name);
    }

    [ContractFact]
    public void Mode_report_downloads_the_triggering_runs_set_and_gates_without_capturing()
    {
        var payload = Webhooks.WorkflowRunCompleted(withPullRequests: false);
        payload["workflow_run"]!["event"] = "pull_request";
        using var job = new ActionFixture("workflow_run", payload);
        var shim = new ProfgateShim(job.RunnerTemp);
        Install(job, shim);
        job.DownloadInto = path =>
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "manifest.json"), "{}");
        };
        job.Runner.Inputs["mode"] = "report";
        var run = job.Runner.Run();
        Assert.True(run.Succeeded, run.Log);
        Assert.False(run.Step("capture").Ran);
        var download = Assert.Single(job.Downloads);
        Assert.Equal("289782451", download["run-id"]);
        Assert.Equal("profgate-3484a3fb816e0859fd6e1cea078d76385ff50625-default", download["name"]);
        Assert.Equal("workflow-token", download["github-token"]);
        var render = shim.Calls.Single(c => c.Option("--stage") == "render");
        Assert.Equal(download["path"], render.Option("--head"));
        Assert.Contains(shim.Calls, c => c.Option("--stage") == "publish");
    }

    [ContractFact]
    public void Bad_inputs_stop_at_the_plan_with_one_clear_line()
    {
        foreach (var (input, value, expected) in new[]
        {
            ("mode", "bogus", "mode: 'bogus' is not a mode"),
            ("comment", "sometimes", "comment: 'sometimes' is not a comment mode"),
            ("repeat", "0", "repeat: '0' is not a positive whole number"),
            ("timing-runs", "-1", "timing-runs: '-1' is not a whole number"),
            ("fail-on-regression", "maybe", "'maybe' is not a boolean"),
            ("name", "a/b", "name: 'a/b' may only hold"),
            ("mode", "report", "mode: report runs in a workflow_run workflow"),
        })
        {
            using var job = PullRequestJob(out var shim);
            job.Runner.Inputs["command"] = "true";
            job.Runner.Inputs[input] = value;
            var run = job.Runner.Run();
            var plan = run.Step("plan");
            Assert.Equal(2, plan.ExitCode);
            Assert.Contains(expected, plan.StdOut);
            Assert.Empty(shim.Calls);
        }
    }

    [ContractFact]
    public void Capture_without_a_command_is_refused()
    {
        using var job = PullRequestJob(out _);
        var run = job.Runner.Run();
        Assert.Equal(2, run.Step("plan").ExitCode);
        Assert.Contains("command: required for mode full", run.Step("plan").StdOut);
    }

    [Fact]
    public void The_cache_key_follows_the_action_source()
    {
        using var dir = new TempDir();
        var source = Path.Combine(dir.Path, "action-src");
        Directory.CreateDirectory(Path.Combine(source, "src", "A"));
        Directory.CreateDirectory(Path.Combine(source, "src", "A", "obj"));
        File.WriteAllText(Path.Combine(source, "src", "A", "A.cs"), "class A {}");
        File.WriteAllText(Path.Combine(source, "global.json"), "{}");
        string Key()
        {
            var output = Path.Combine(dir.Path, "out");
            File.WriteAllText(output, "");
            var result = ProcessRunner.Run("bash", [Paths.InRepo("action/cache-key.sh")], dir.Path, environment: new Dictionary<string, string?>
            {
                ["GITHUB_ACTION_PATH"] = source, ["GITHUB_OUTPUT"] = output, ["RUNNER_TEMP"] = dir.Path, ["RUNNER_OS"] = "Linux",
            });
            Assert.True(result.ExitCode == 0, result.StdErr);
            var outputs = CompositeActionRunner.ReadOutputs(File.ReadAllText(output));
            Assert.StartsWith(Path.Combine(dir.Path, "profgate-build-"), outputs["dir"]);
            return outputs["key"];
        }

        var first = Key();
        Assert.Matches("^profgate-build-Linux-[^-]+-[0-9a-f]{20}$", first);
        File.WriteAllText(Path.Combine(source, "src", "A", "obj", "x.cs"), "ignored build output");
        Assert.Equal(first, Key());
        File.WriteAllText(Path.Combine(source, "src", "A", "A.cs"), "class A { int x; }");
        Assert.NotEqual(first, Key());
    }

    [Fact]
    public void A_cold_cache_builds_profgate_from_the_action_source_with_dotnet_publish()
    {
        // A stand-in action source with the same project path, so the real 'dotnet publish' line runs in seconds.
        using var dir = new TempDir();
        var source = Path.Combine(dir.Path, "action-src");
        var project = Path.Combine(source, "src", "ContinuousProfiler.Gate.Cli");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "ContinuousProfiler.Gate.Cli.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>profgate</AssemblyName>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"profgate stand-in \" + string.Join(' ', args));\n");
        var build = Path.Combine(dir.Path, "build");
        var output = Path.Combine(dir.Path, "output");
        File.WriteAllText(output, "");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTION_PATH"] = source, ["GITHUB_OUTPUT"] = output, ["PROFGATE_BUILD_DIR"] = build,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1",
        };

        var cold = ProcessRunner.Run("bash", [Paths.InRepo("action/build-profgate.sh")], dir.Path, environment: environment, timeoutMs: 240_000);
        Assert.True(cold.ExitCode == 0, cold.StdOut + cold.StdErr);
        Assert.Contains("building from", cold.StdOut);
        var dll = CompositeActionRunner.ReadOutputs(File.ReadAllText(output))["profgate"];
        Assert.Equal(Path.Combine(build, "profgate.dll"), dll);
        var ran = ProcessRunner.Run("dotnet", [dll, "gate", "--help"], dir.Path);
        Assert.Equal("profgate stand-in gate --help\n", ran.StdOut);

        File.WriteAllText(output, "");
        var warm = ProcessRunner.Run("bash", [Paths.InRepo("action/build-profgate.sh")], dir.Path, environment: environment);
        Assert.True(warm.ExitCode == 0, warm.StdErr);
        Assert.Contains("using the cached build", warm.StdOut);
    }

    private static ActionFixture PullRequestJob(out ProfgateShim shim)
    {
        var job = new ActionFixture("pull_request", Webhooks.PullRequest("opened"));
        shim = new ProfgateShim(job.RunnerTemp);
        Install(job, shim);
        return job;
    }

    private static void Install(ActionFixture job, ProfgateShim shim)
    {
        shim.Install(job.Runner.Environment);
        // A warm cache: the restored folder already holds the build.
        job.RestoreCache = path =>
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "profgate.dll"), "");
        };
    }

    private static int StepIndex(ActionRun run, string id) => run.Steps.ToList().FindIndex(s => s.Id == id);

    [GeneratedRegex(@"inputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();
}
