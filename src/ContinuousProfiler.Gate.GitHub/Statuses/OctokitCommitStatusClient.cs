using ContinuousProfiler.Gate.GitHub.Api;
using Octokit;

namespace ContinuousProfiler.Gate.GitHub.Statuses;

/// <summary><see cref="ICommitStatusClient"/> over Octokit's commit status client.</summary>
public sealed class OctokitCommitStatusClient(IGitHubClient client, GitHubRepository repository) : ICommitStatusClient
{
    public Task Create(string sha, CommitStatus status) =>
        client.Repository.Status.Create(repository.Owner, repository.Name, sha, new NewCommitStatus
        {
            State = status.State switch
            {
                CommitStatusState.Pending => CommitState.Pending,
                CommitStatusState.Success => CommitState.Success,
                CommitStatusState.Failure => CommitState.Failure,
                _ => CommitState.Error,
            },
            Context = status.Context,
            Description = status.TrimmedDescription,
            TargetUrl = status.TargetUrl,
        });
}
