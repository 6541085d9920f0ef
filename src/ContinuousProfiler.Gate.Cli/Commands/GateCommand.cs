using System.CommandLine;
using ContinuousProfiler.Gate.Cli.Gate;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.GitHub.Comments;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>
/// <c>profgate gate --head DIR [--store github:|PATH | --base DIR] [-o DIR] [--comment always|on-change|never]
/// [--fail-on-regression true|false] [--stage all|render|publish] [--report-url URL]</c>: the CI entry point.
/// </summary>
internal static class GateCommand
{
    public static Command Create(CliContext context)
    {
        var stage = new Option<string>("--stage")
        {
            Description = "all (default), or render (compare, write report, summary and step outputs) then publish (comment, status, exit code) around the report upload.",
            DefaultValueFactory = _ => "all",
        };
        var head = new Option<string?>("--head") { Description = "Head's ProfileSet folder (from 'profgate capture', or the pull request's downloaded artifact)." };
        var baseSet = new Option<string?>("--base") { Description = "A base ProfileSet folder to compare with instead of asking the store (mode ab)." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for report.html, summary.md, comment.md and gate-result.json.",
            DefaultValueFactory = _ => "profgate-report",
        };
        var group = new Option<string?>("--group", "-g") { Description = "The scenario group (default: head's manifest group, capture's --name)." };
        var baseBranch = new Option<string?>("--base-branch") { Description = "The base branch (default: the pull request's, else GITHUB_BASE_REF, else the remote's default branch)." };
        var templates = new Option<string?>("--templates") { Description = "A folder whose templates replace the embedded ones." };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Never fetch from the remote (a shallow clone is reported, not deepened)." };
        var comment = new Option<string>("--comment")
        {
            Description = "When to write the PR comment: always, on-change (only when the result changed; no new comment for a clean pass) or never.",
            DefaultValueFactory = _ => "always",
        };
        var failOnRegression = new Option<bool>("--fail-on-regression")
        {
            Description = "Exit 1 when the verdict is fail (true, the default, or false).",
            DefaultValueFactory = _ => true,
        };
        var reportUrl = new Option<string?>("--report-url") { Description = "The uploaded HTML report's link, for the comment and the status." };
        var store = new Option<string?>("--store") { Description = "Where baselines come from: 'github:' (Actions artifacts of trusted push runs; what the action uses) or a local store folder (default: .profgate/store in the repository)." };
        var repo = new Option<string?>("--repo") { Description = "The repository owner/name for artifacts, comments and statuses (default: GITHUB_REPOSITORY)." };
        var token = new Option<string?>("--token") { Description = "The API token (default: GITHUB_TOKEN, else GH_TOKEN)." };
        var apiUrl = new Option<string?>("--api-url") { Description = "The REST API URL (default: GITHUB_API_URL or https://api.github.com)." };
        var config = new Option<string?>("--config") { Description = "The gate's config (default: .profgate.yml at the repository root, else the built-in defaults)." };
        var command = new Command("gate", "Compare head with its baseline, write the report, job summary and step outputs, comment on the pull request, and exit 0 (pass), 1 (regression) or 2.")
        {
            stage, head, baseSet, output, group, baseBranch, templates, noFetch, comment, failOnRegression, reportUrl, store, repo, token, apiUrl, config,
        };
        command.SetAction(parse => new GateService(context).Run(new GateOptions(
            ParseStage(parse.GetValue(stage)!),
            parse.GetValue(head),
            parse.GetValue(baseSet),
            parse.GetValue(output)!,
            parse.GetValue(group),
            parse.GetValue(baseBranch),
            parse.GetValue(templates),
            parse.GetValue(noFetch),
            CommentModes.Parse(parse.GetValue(comment)!, "--comment"),
            parse.GetValue(failOnRegression),
            parse.GetValue(reportUrl),
            new StoreSelection(parse.GetValue(store), parse.GetValue(repo), parse.GetValue(token), parse.GetValue(apiUrl), parse.GetValue(config)))));
        return command;
    }

    private static GateStage ParseStage(string value) => value.ToLowerInvariant() switch
    {
        "all" => GateStage.All,
        "render" => GateStage.Render,
        "publish" => GateStage.Publish,
        _ => throw new InputException($"--stage {value}: expected all, render or publish"),
    };
}
