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
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("gate", "Compare head with its baseline, write the report, job summary and step outputs, comment on the pull request, and exit 0 (pass), 1 (regression) or 2.")
        {
            stage, head, baseSet, output, group, baseBranch, templates, noFetch, comment, failOnRegression, reportUrl,
        });
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
            store.Bind(parse))));
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
