using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.GitHub.Accept;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.GitHub.Comments;
using ContinuousProfiler.Gate.GitHub.Events;
using ContinuousProfiler.Gate.GitHub.PullRequests;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Reports;
using ContinuousProfiler.Gate.Reports.Views;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>
/// <c>profgate gate</c>: the CI entry point. Render: resolve the PR and the baseline, compare, apply
/// accepted regressions, write the HTML report, the job summary, the step outputs and
/// <c>gate-result.json</c>. Publish: upsert the PR comment, set the status, exit 0/1.
/// </summary>
internal sealed class GateService(CliContext context)
{
    public int Run(GateOptions options)
    {
        var environment = ActionsEnvironment.Read(context.GetEnvironmentVariable);
        Directory.CreateDirectory(options.Out);
        var result = options.Stage == GateStage.Publish ? GateResult.Read(options.Out) : Render(options, environment);
        return options.Stage == GateStage.Render
            ? ExitCodes.Pass
            : new GatePublisher(context, environment, GitHubSession.TryOpen(options.Store, environment)).Publish(result, options);
    }

    private GateResult Render(GateOptions options, ActionsEnvironment environment)
    {
        var headDirectory = options.Head ?? throw new InputException("--head: required; give the head ProfileSet folder (written by 'profgate capture' or downloaded from the capture run)");
        var maxBytes = InputLimits.MaxInputBytes(context);
        var head = ProfileSetReader.Read(headDirectory, file => ProfileReader.Read(file, maxBytes));
        var group = StoreKeys.CheckGroup(options.Group ?? head.Manifest.Group, "--group");
        var policy = options.Store.Policy();
        var session = GitHubSession.TryOpen(options.Store, environment);
        var actionsEvent = environment.EventName is { } name && environment.EventPath is { } path ? ActionsEventReader.Read(path, name) : null;
        var repository = GitHubSession.RepositoryOf(options.Store, environment);
        var resolution = new PullRequestResolver(session?.PullRequests, repository)
            .Resolve(actionsEvent, head.Manifest.Properties).GetAwaiter().GetResult();
        var pullRequest = resolution.Target;
        context.Out.WriteLine(pullRequest is null
            ? $"profgate: no pull request to report on ({resolution.Reason})"
            : $"profgate: pull request #{pullRequest.Number} at {StoreKeys.Short(pullRequest.HeadSha)} (from the {pullRequest.Source})");

        if (pullRequest is null && actionsEvent?.WorkflowRun is not null)
        {
            return Skipped(options, environment, group, resolution.Reason ?? "no pull request");
        }

        var baseline = GateBaseline.Resolve(options, head, group, policy, pullRequest, environment, context, maxBytes);
        foreach (var note in baseline.Notes)
        {
            context.Out.WriteLine($"profgate:   {note}");
        }

        var (comparison, judged) = GateComparison.Run(baseline, head, headDirectory, policy);
        var verdict = pullRequest is null ? judged : VerdictAcceptance.Apply(judged, GateAcceptance.Read(pullRequest, session, context));
        var result = Write(options, environment, group, comparison, verdict, pullRequest, resolution.Reason, repository?.ToString());
        context.Out.WriteLine($"profgate: {Describe(comparison.Provenance)}");
        context.Out.WriteLine($"profgate: verdict {result.Verdict}: {result.StatusDescription}; report {result.ReportPath}");
        return result;
    }

    private GateResult Write(GateOptions options, ActionsEnvironment environment, string group, ComparisonResult comparison, Verdict verdict, PullRequestTarget? pullRequest, string? noPullRequestReason, string? repository)
    {
        var input = new ReportInput(comparison, verdict)
        {
            Group = group,
            TemplatesDirectory = options.Templates,
            Links = new ReportLinks(null, environment.RunUrl),
        };
        var reportPath = Path.GetFullPath(Path.Combine(options.Out, "report.html"));
        ReportRenderer.RenderToFile(ReportFormat.Html, input, reportPath);
        var summary = Render(ReportFormat.Summary, input);
        AtomicFile.WriteText(Path.Combine(options.Out, "summary.md"), summary, "job summary");
        if (environment.StepSummary is { } summaryFile)
        {
            JobSummaryWriter.Append(summary, summaryFile);
        }

        var comment = Render(ReportFormat.Markdown, input with { Links = new ReportLinks(GateResult.ReportUrlPlaceholder, environment.RunUrl) });
        var commentWithoutReport = Render(ReportFormat.Markdown, input);
        AtomicFile.WriteText(Path.Combine(options.Out, "comment.md"), commentWithoutReport, "PR comment");

        var noBaseline = comparison.Provenance.NoBaselineReason is not null;
        var regressions = verdict.Findings.Count(f => f.Level == FindingLevel.Fail);
        var accepted = verdict.Findings.Count(f => f.Accepted);
        var outcome = noBaseline ? "none" : verdict.Outcome;
        var result = new GateResult
        {
            Verdict = outcome,
            Regressions = regressions,
            Accepted = accepted,
            BaselineCommit = comparison.Provenance.BaseCommit,
            Group = group,
            Marker = $"<!-- profgate:comment group={ReportViewBuilder.Group(group)} -->",
            Comment = comment,
            CommentWithoutReport = commentWithoutReport,
            Digest = CommentUpserter.Digest(DigestParts(outcome, comparison.Provenance, verdict)),
            HasNews = verdict.Findings.Any(f => f.Level is FindingLevel.Fail or FindingLevel.Warn),
            ReportPath = reportPath,
            RunUrl = environment.RunUrl,
            Repository = repository,
            PullRequest = pullRequest is null ? null : new GatePullRequest(pullRequest.Number, pullRequest.HeadSha, pullRequest.IsFork, pullRequest.Source),
            NoPullRequestReason = noPullRequestReason,
            PostStatus = pullRequest?.Source.StartsWith("workflow_run", StringComparison.Ordinal) == true,
            StatusDescription = StatusLine(outcome, regressions, accepted, comparison.Provenance),
        };
        result.Write(options.Out);
        if (environment.Output is { } outputFile)
        {
            StepOutputWriter.Append(new Dictionary<string, string>
            {
                ["verdict"] = result.Verdict,
                ["regressions"] = regressions.ToString(CultureInfo.InvariantCulture),
                ["report-path"] = reportPath,
                ["baseline-commit"] = result.BaselineCommit ?? "",
            }, outputFile);
        }

        return result;
    }

    // A workflow_run job with nothing to report on (a push run, or a head the PR has moved away from): no comparison at all.
    private static GateResult Skipped(GateOptions options, ActionsEnvironment environment, string group, string reason)
    {
        var result = new GateResult
        {
            Verdict = "skipped",
            Group = group,
            Marker = $"<!-- profgate:comment group={ReportViewBuilder.Group(group)} -->",
            Comment = "",
            CommentWithoutReport = "",
            Digest = "",
            ReportPath = "",
            RunUrl = environment.RunUrl,
            NoPullRequestReason = reason,
            StatusDescription = $"skipped: {reason}",
        };
        result.Write(options.Out);
        if (environment.StepSummary is { } summaryFile)
        {
            JobSummaryWriter.Append($"### profgate: {group}\n\nNothing to report: {reason}.\n", summaryFile);
        }

        if (environment.Output is { } outputFile)
        {
            StepOutputWriter.Append(new Dictionary<string, string> { ["verdict"] = "skipped", ["regressions"] = "0", ["report-path"] = "", ["baseline-commit"] = "" }, outputFile);
        }

        return result;
    }

    private static string Render(ReportFormat format, ReportInput input)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        ReportRenderer.Render(format, input, writer);
        return writer.ToString();
    }

    // Stable across re-runs of the same code: what was found and against which baseline, not the noisy numbers.
    private static IEnumerable<string> DigestParts(string outcome, Provenance provenance, Verdict verdict) =>
        new[] { outcome, provenance.BaseCommit ?? "", provenance.NoBaselineReason is null ? "" : "no-baseline" }
            .Concat(verdict.Findings
                .Where(f => f.Kind != FindingKind.Notice)
                .Select(f => $"{f.Scenario}\u001f{f.Function}\u001f{f.SampleType}\u001f{f.Measure}\u001f{f.Kind}\u001f{f.Level}\u001f{f.Accepted}")
                .Order(StringComparer.Ordinal));

    private static string StatusLine(string outcome, int regressions, int accepted, Provenance provenance)
    {
        var acceptedText = accepted > 0 ? $", {accepted} accepted" : "";
        return outcome switch
        {
            "none" => $"no baseline: {provenance.NoBaselineReason}",
            "fail" => $"{regressions} regression{(regressions == 1 ? "" : "s")} over the fail threshold{acceptedText}",
            _ => $"no regression over the fail threshold{acceptedText}",
        };
    }

    private static string Describe(Provenance provenance) => provenance.NoBaselineReason is { } reason
        ? $"no baseline: {reason}"
        : $"baseline {provenance.BaseCommit ?? "(unknown commit)"} from {provenance.Source}" +
          (provenance.CommitsBack is { } back ? $", {back} commit(s) back from the merge-base" : "");
}
