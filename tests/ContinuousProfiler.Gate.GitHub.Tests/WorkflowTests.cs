using ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

/// <summary>The ready-to-copy workflows under action/workflows and this repository's own workflow, parsed.</summary>
public sealed class WorkflowTests
{
    private static readonly string[] Files =
    [
        "action/workflows/profgate-baseline.yml",
        "action/workflows/profgate-pr.yml",
        "action/workflows/profgate-pr-capture.yml",
        "action/workflows/profgate-pr-report.yml",
        ".github/workflows/profgate.yml",
    ];

    public static TheoryData<string> WorkflowFiles() => new(Files);

    [Fact]
    public void Every_workflow_file_is_covered()
    {
        var files = Directory.EnumerateFiles(Paths.InRepo("action/workflows"), "*.yml")
            .Concat(Directory.EnumerateFiles(Paths.InRepo(".github/workflows"), "*.yml"))
            .Select(f => Path.GetRelativePath(Paths.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void The_report_workflow_never_checks_out_or_runs_the_pull_requests_code()
    {
        var workflow = Load("action/workflows/profgate-pr-report.yml");
        var on = workflow.Map("on");
        Assert.Equal(["workflow_run"], on.Keys);
        Assert.Equal(["completed"], on.Map("workflow_run").List("types").Cast<string>());
        Assert.Equal(
            [Load("action/workflows/profgate-pr-capture.yml").Str("name")],
            on.Map("workflow_run").List("workflows").Cast<string>());
        foreach (var step in Steps(workflow))
        {
            Assert.Null(step.Str("run"));
            var with = step.Map("with");
            foreach (var key in new[] { "ref", "repository" })
            {
                Assert.False(with.ContainsKey(key), $"step {step.Str("uses")} sets {key}: the report job must stay on the default branch");
            }

            Assert.DoesNotContain(with.Values.OfType<string>(), v => v.Contains("head_sha", StringComparison.Ordinal) || v.Contains("head_branch", StringComparison.Ordinal) || v.Contains("pull_request", StringComparison.Ordinal));
        }

        Assert.Single(Steps(workflow), s => s.Str("uses")!.StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Equal("report", ProfgateStep(workflow).Map("with").Str("mode"));
        var job = workflow.Map("jobs").Values.Cast<Dictionary<string, object?>>().Single();
        Assert.Contains("github.event.workflow_run.event == 'pull_request'", job.Str("if"));
        Assert.Contains("github.event.workflow_run.conclusion == 'success'", job.Str("if"));
    }

    [Theory]
    [InlineData("action/workflows/profgate-baseline.yml", "contents=read")]
    [InlineData("action/workflows/profgate-pr-capture.yml", "contents=read")]
    [InlineData("action/workflows/profgate-pr.yml", "actions=read contents=read pull-requests=write")]
    [InlineData("action/workflows/profgate-pr-report.yml", "actions=read contents=read pull-requests=write statuses=write")]
    [InlineData(".github/workflows/profgate.yml", "actions=read contents=read pull-requests=write")]
    public void Permissions_are_the_minimum_each_setup_needs(string file, string expected)
    {
        var workflow = Load(file);
        var permissions = workflow.Map("permissions");
        Assert.Equal(expected, string.Join(' ', permissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        Assert.All(workflow.Map("jobs").Values.Cast<Dictionary<string, object?>>(), job => Assert.False(job.ContainsKey("permissions"), "permissions are set once, at the top"));
    }

    [Theory]
    [InlineData("action/workflows/profgate-baseline.yml", "push", "capture")]
    [InlineData("action/workflows/profgate-pr-capture.yml", "pull_request", "capture")]
    [InlineData("action/workflows/profgate-pr.yml", "pull_request", "full")]
    public void Each_workflow_runs_on_its_event_in_its_mode(string file, string trigger, string mode)
    {
        var workflow = Load(file);
        Assert.Equal([trigger], workflow.Map("on").Keys);
        Assert.Equal(mode, ProfgateStep(workflow).Map("with").Str("mode"));
        Assert.False(string.IsNullOrWhiteSpace(ProfgateStep(workflow).Map("with").Str("command")));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Checkouts_fetch_full_history_and_inputs_exist(string file)
    {
        var workflow = Load(file);
        foreach (var checkout in Steps(workflow).Where(s => s.Str("uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true))
        {
            Assert.Equal("0", checkout.Map("with").Str("fetch-depth"));
        }

        var declared = YamlTree.Load(Paths.InRepo("action.yml")).Map("inputs").Keys.ToHashSet(StringComparer.Ordinal);
        Assert.All(ProfgateStep(workflow).Map("with").Keys, key => Assert.Contains(key, declared));
    }

    [Theory]
    [InlineData("action/workflows/profgate-pr.yml", "github.event.pull_request.number")]
    [InlineData("action/workflows/profgate-pr-capture.yml", "github.event.pull_request.number")]
    [InlineData("action/workflows/profgate-pr-report.yml", "github.event.workflow_run.head_branch")]
    [InlineData(".github/workflows/profgate.yml", "github.event.pull_request.number")]
    public void Pull_request_runs_are_serialized_per_pull_request(string file, string key)
    {
        var concurrency = Load(file).Map("concurrency");
        Assert.Contains(key, concurrency.Str("group"));
        Assert.Equal("true", concurrency.Str("cancel-in-progress"));
    }

    [Fact]
    public void The_capture_workflow_never_runs_with_a_write_token()
    {
        var workflow = Load("action/workflows/profgate-pr-capture.yml");
        Assert.False(workflow.Map("on").ContainsKey("pull_request_target"));
        Assert.All(workflow.Map("permissions").Values.Cast<string>(), value => Assert.Equal("read", value));
    }

    [Fact]
    public void This_repository_gates_itself_with_the_local_action_on_the_sample_benchmark()
    {
        var step = ProfgateStep(Load(".github/workflows/profgate.yml"));
        Assert.Equal("./", step.Str("uses"));
        Assert.Contains("Sample.Bench", step.Map("with").Str("command"));
        Assert.True(Directory.Exists(Paths.InRepo("tests/samples/Sample.Bench")));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void The_docs_show_each_ready_to_copy_workflow_verbatim(string file)
    {
        if (!file.StartsWith("action/", StringComparison.Ordinal))
        {
            return;
        }

        var docs = File.ReadAllText(Paths.InRepo("docs/action.md"));
        Assert.Contains(File.ReadAllText(Paths.InRepo(file)).Trim(), docs);
    }

    [ContractFact]
    public void The_action_and_every_workflow_pass_action_validator()
    {
        var validator = Path.Combine(Requirements.TestkitModules, ".bin", "action-validator");
        Assert.True(File.Exists(validator), $"{validator} missing: npm ci --prefix tools/testkit");
        foreach (var file in Files.Append("action.yml"))
        {
            var result = ProcessRunner.Run(validator, [Paths.InRepo(file)], Paths.RepoRoot, timeoutMs: 60_000);
            Assert.True(result.ExitCode == 0, $"{file}: {result.StdOut}{result.StdErr}");
        }

        // The validator really checks: a broken step is refused.
        using var dir = new TempDir();
        var broken = Path.Combine(dir.Path, "action.yml");
        File.WriteAllText(broken, File.ReadAllText(Paths.InRepo("action.yml")).Replace("      shell: bash\n", "      shel: bash\n", StringComparison.Ordinal));
        Assert.NotEqual(0, ProcessRunner.Run(validator, [broken], dir.Path, timeoutMs: 60_000).ExitCode);
    }

    private static Dictionary<string, object?> Load(string file) => YamlTree.Load(Paths.InRepo(file));

    private static IEnumerable<Dictionary<string, object?>> Steps(Dictionary<string, object?> workflow) =>
        workflow.Map("jobs").Values.Cast<Dictionary<string, object?>>().SelectMany(j => j.List("steps").Cast<Dictionary<string, object?>>());

    private static Dictionary<string, object?> ProfgateStep(Dictionary<string, object?> workflow) =>
        Steps(workflow).Single(s => s.Str("uses") is "./" or "OWNER/profgate@v1");
}
