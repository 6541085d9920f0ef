using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Capture;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Local;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// <c>profgate local</c>'s capture: finds the base, reuses its stored set when one fits, else checks it out
/// in a temporary worktree and profiles base and working tree interleaved; stores the new base set.
/// </summary>
/// <param name="progress">Progress lines (a terminal only) and notes.</param>
/// <param name="interruption">Signals unwind through here, removing the worktree.</param>
public sealed class LocalCapture(ProgressReporter progress, Interruption interruption)
{
    /// <summary>The repository around <paramref name="directory"/>, or a usage error.</summary>
    public static GitRepository Repository(string directory) => GitRepository.TryOpen(directory)
        ?? throw new InputException($"{directory}: not inside a git repository; profgate local compares your working tree with a commit, so run it in your repository");

    /// <summary>Captures both sides into <paramref name="scratch"/> and returns the two set folders.</summary>
    public LocalSets Run(LocalRequest request, ResolvedBase resolved, string scratch)
    {
        var repository = Repository(request.WorkingDirectory);
        var prefix = GitRepository.Run(request.WorkingDirectory, ["rev-parse", "--show-prefix"]);
        var subfolder = prefix.ExitCode == 0 ? prefix.Output.Trim().TrimEnd('/') : "";
        var headCommit = repository.TryResolve("HEAD");
        var dirty = repository.Git(["status", "--porcelain", "--untracked-files=normal"]).Output.Trim().Length > 0;
        var shortBase = StoreKeys.Short(resolved.Commit);
        progress.Note($"base {shortBase} ({resolved.Description}); head {(headCommit is null ? "(no commit)" : StoreKeys.Short(headCommit))}{(dirty ? " with uncommitted changes" : "")}");
        WarnAboutAbsolutePaths(request.Command, repository.Root);

        var capture = new CaptureService();
        var head = new CaptureOptions(request.Command, "", request.Group, Profiler: request.Profiler, Allocations: request.Allocations, WorkingDirectory: request.WorkingDirectory);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BaseCache.CommandProperty] = CommandText.Join(request.Command),
            [BaseCache.OptionsProperty] = $"profiler={request.Profiler?.ToString().ToLowerInvariant() ?? "auto"};alloc={(request.Allocations ? "on" : "off")};timing={request.TimingRuns}",
        };
        var cache = new BaseCache(LocalProfileStore.ForRepository(repository));
        var (stored, refusal) = cache.Find(resolved.Commit, request.Group, properties, request.Repeat, capture.Fingerprint(head));
        var interleaved = new InterleavedCapture(capture, progress, interruption);
        if (stored is not null)
        {
            progress.Note(string.Create(CultureInfo.InvariantCulture, $"base {shortBase}: using the stored profiles (captured {stored.Manifest!.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC); profiling the head side only"));
            var baseSet = Path.Combine(scratch, "stored-base");
            cache.Fetch(stored, baseSet);
            var sets = interleaved.Run([new CaptureSide("head", head)], request.Repeat, scratch, properties, request.TimingRuns);
            return new LocalSets(baseSet, sets["head"], resolved, headCommit, dirty, $"local store (captured {stored.Manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)");
        }

        if (refusal is not null)
        {
            progress.Note($"base {shortBase}: not reusing the stored profiles: {refusal}");
        }

        interruption.ThrowIfRequested();
        using (var worktree = BaseWorktree.Create(repository, resolved.Commit, interruption))
        {
            var baseDirectory = Path.Combine(worktree.Path, subfolder);
            if (!Directory.Exists(baseDirectory))
            {
                throw new InputException($"the folder {subfolder} does not exist at base {shortBase}; run profgate local from a folder both commits have (e.g. the repository root) or pass another --base");
            }

            progress.Note($"base {shortBase}: checked out in {worktree.Path}; profiling base and head alternately, {request.Repeat} run(s) each");
            var sets = interleaved.Run([new CaptureSide("base", head with { WorkingDirectory = baseDirectory }), new CaptureSide("head", head)], request.Repeat, scratch, properties, request.TimingRuns);
            cache.Put(sets["base"], resolved.Commit);
            progress.Note($"base {shortBase}: stored its profiles in {LocalProfileStore.DefaultRelativePath} for the next run");
            return new LocalSets(sets["base"], sets["head"], resolved, headCommit, dirty, $"profiled now in a temporary worktree of {shortBase}");
        }
    }

    // An absolute path into the repository makes the base side run head's files: the comparison would be head against head.
    private void WarnAboutAbsolutePaths(ImmutableArray<string> command, string root)
    {
        var inside = command.Skip(1).FirstOrDefault(a => Path.IsPathRooted(a) && (a + "/").StartsWith(root + "/", StringComparison.Ordinal));
        if (inside is not null)
        {
            progress.Note($"warning: '{inside}' is an absolute path inside the repository, so the base side uses head's file; use a path relative to the current folder");
        }
    }
}
