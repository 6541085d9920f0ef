using System.Collections.Immutable;
using System.CommandLine;
using ContinuousProfiler.Gate.Config;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.GitHub;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Local;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>Which store a <c>store</c> subcommand uses: <c>--store PATH|github:</c>, <c>--repo</c>, <c>--token</c>, <c>--api-url</c>, <c>--config</c>.</summary>
internal sealed record StoreSelection(string? Store, string? Repo, string? Token, string? ApiUrl, string? Config)
{
    /// <summary>The <c>--store</c> value selecting GitHub Actions artifacts.</summary>
    public const string GitHubScheme = "github:";

    /// <summary>True when the GitHub artifact store is selected.</summary>
    public bool IsGitHub => Store?.StartsWith(GitHubScheme, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The repository around the working directory, or null.</summary>
    public static GitRepository? Repository => GitRepository.TryOpen(Environment.CurrentDirectory);

    /// <summary>The policy: <c>--config</c>, else <c>.profgate.yml</c> at the repository root, else defaults.</summary>
    public GatePolicy Policy() =>
        Config is not null ? ConfigLoader.Load(Config)
        : Repository is { } repository ? ConfigLoader.LoadOrDefault(repository.Root)
        : GatePolicy.Default;

    /// <summary>The local store (refusing <c>github:</c>, which is read-only).</summary>
    public LocalProfileStore OpenLocal(string verb)
    {
        if (IsGitHub)
        {
            throw new InputException($"store {verb} --store {Store}: the GitHub artifact store is read-only (the REST API cannot upload); the profgate action uploads sets with actions/upload-artifact");
        }

        return Store is { Length: > 0 } path
            ? new LocalProfileStore(path)
            : LocalProfileStore.ForRepository(GitRepository.Open(Environment.CurrentDirectory));
    }

    /// <summary>The selected store; <paramref name="trustedBranches"/> are the branches whose push runs GitHub artifacts may come from.</summary>
    public IProfileStore Open(CliContext context, IEnumerable<string> trustedBranches)
    {
        if (!IsGitHub)
        {
            return OpenLocal("get");
        }

        var environment = ActionsEnvironment.Read(context.GetEnvironmentVariable);
        var inline = Store![GitHubScheme.Length..];
        var repository = GitHubRepository.Parse(Repo ?? (inline.Length > 0 ? inline : environment.Repository), Repo is not null ? "--repo" : inline.Length > 0 ? "--store" : "GITHUB_REPOSITORY");
        var token = Token ?? environment.Token
            ?? throw new InputException("--store github: needs a token to read artifacts; set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}) or pass --token");
        var client = GitHubClientFactory.Create(ApiUrl ?? environment.ApiUrl, token);
        var cache = Repository is { } git
            ? Path.Combine(LocalProfileStore.ForRepository(git).Root, "..", "cache", "artifacts")
            : Path.Combine(Path.GetTempPath(), "profgate-artifacts");
        var options = new GitHubStoreOptions(repository.Owner, repository.Name, [.. trustedBranches.Distinct(StringComparer.Ordinal)], Path.GetFullPath(Path.Combine(cache, repository.Owner, repository.Name)), new ArchiveLimits());
        return new GitHubArtifactStore(client, options);
    }
}

/// <summary>The options that choose a store, created fresh for each subcommand.</summary>
internal sealed class StoreSelectionOptions
{
    private readonly Option<string?> _store = new("--store")
    {
        Description = "The store: a folder (default: .profgate/store in the repository, kept out of git status) or 'github:' for GitHub Actions artifacts (read-only; 'github:owner/name' names the repository).",
    };

    private readonly Option<string?> _repo = new("--repo") { Description = "With --store github: the repository owner/name (default: GITHUB_REPOSITORY)." };

    private readonly Option<string?> _token = new("--token") { Description = "With --store github: the API token (default: GITHUB_TOKEN)." };

    private readonly Option<string?> _apiUrl = new("--api-url") { Description = "With --store github: the REST API URL (default: GITHUB_API_URL or https://api.github.com; GitHub Enterprise Server works too)." };

    private readonly Option<string?> _config = new("--config") { Description = "The config file (default: .profgate.yml at the repository root) for baseline.maxCommitsBack and baseline.branches." };

    /// <summary>Adds the options to <paramref name="command"/>; <paramref name="github"/> false leaves out the GitHub ones.</summary>
    public Command AddTo(Command command, bool github = true)
    {
        command.Options.Add(_store);
        if (github)
        {
            command.Options.Add(_repo);
            command.Options.Add(_token);
            command.Options.Add(_apiUrl);
            command.Options.Add(_config);
        }

        return command;
    }

    /// <summary>Binds the parsed values.</summary>
    public StoreSelection Bind(ParseResult parse) =>
        new(parse.GetValue(_store), parse.GetValue(_repo), parse.GetValue(_token), parse.GetValue(_apiUrl), parse.GetValue(_config));
}

/// <summary>Helpers shared by the store subcommands.</summary>
internal static class StoreArguments
{
    /// <summary>Resolves a commit argument: a full SHA as is, else through git, else a unique prefix among <paramref name="known"/>.</summary>
    public static string ResolveCommit(string revision, IEnumerable<string>? known, string what)
    {
        var lower = revision.ToLowerInvariant();
        if (StoreKeys.IsFullSha(lower))
        {
            return lower;
        }

        if (StoreSelection.Repository?.TryResolve(revision) is { } sha)
        {
            return sha;
        }

        var matches = (known ?? []).Where(k => k.StartsWith(lower, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputException($"{what} '{revision}': not a full commit SHA, not a revision of a git repository here, and no stored commit starts with it; give the full 40-character SHA"),
            _ => throw new InputException($"{what} '{revision}': ambiguous, {matches.Count} stored commits start with it; give more characters"),
        };
    }

    /// <summary>The group option (default <c>default</c>, capture's default name).</summary>
    public static Option<string> GroupOption(string description) => new("--group", "-g")
    {
        Description = description,
        DefaultValueFactory = _ => "default",
    };

    /// <summary>The trusted branches for GitHub artifacts: the config's baseline.branches plus the base branch.</summary>
    public static ImmutableArray<string> TrustedBranches(GatePolicy policy, string? baseBranch) =>
        [.. policy.Baseline.Branches.Concat(baseBranch is null ? [] : [baseBranch]).Distinct(StringComparer.Ordinal)];
}
