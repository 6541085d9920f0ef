using System.Collections.Concurrent;
using System.Diagnostics;
using ContinuousProfiler.Gate.Store.Local;
using ContinuousProfiler.Gate.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ContinuousProfiler.Gate.Store.Tests.Cli;

/// <summary>
/// Two real <c>profgate store put</c> processes for the same commit, released together by a barrier file,
/// 20 rounds, while a third process (<c>profgate store get</c> in a loop) and an in-process reader read
/// continuously: every set read must carry one writer's id in its manifest and in all its profiles.
/// </summary>
public sealed class ConcurrentPutTests(ITestOutputHelper output) : IDisposable
{
    private const string Sha = "cccccccccccccccccccccccccccccccccccccccc";
    private const int Rounds = 20;
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Concurrent_puts_of_one_commit_never_leave_or_show_a_mixed_set()
    {
        var store = _temp.File("store");
        var sets = new[] { "writer-A", "writer-B" }.Select(id => TestSets.Write(_temp.File(id), id, runs: 8, stacks: 150)).ToArray();
        var groupDirectory = Path.Combine(store, Sha, "default");
        var problems = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var processReads = 0;
        var inProcessReads = 0;
        var overlaps = 0;

        var processReader = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var target = _temp.File($"read-{i}");
                var result = ProfgateProcess.Run(_temp.Path, ["store", "get", Sha, "-o", target, "--store", store], timeoutMs: 60_000);
                if (result.ExitCode == 0)
                {
                    processReads++;
                    Check(target, problems, "store get process");
                }
                else if (!result.StdErr.Contains("no set stored", StringComparison.Ordinal))
                {
                    problems.Enqueue($"store get process failed: {result.StdErr.Trim()}");
                }
            }
        });
        var inProcessReader = Task.Run(async () =>
        {
            var local = new LocalProfileStore(store);
            while (!stop.IsCancellationRequested)
            {
                if (Directory.Exists(groupDirectory) && Directory.GetDirectories(groupDirectory, ".*.tmp-*").Length >= 2)
                {
                    overlaps++;
                }

                if (local.Find(Sha, "default").Set is { } set)
                {
                    var target = _temp.File("inproc");
                    await local.FetchAsync(set, target);
                    inProcessReads++;
                    Check(target, problems, "in-process reader");
                }
            }
        });

        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var barrier = _temp.File($"barrier-{round}");
            var writers = sets.Select(set => StartBehindBarrier(barrier, ["store", "put", set, "--commit", Sha, "--store", store])).ToList();
            await Task.Delay(100);
            await File.WriteAllTextAsync(barrier, "go");
            foreach (var writer in writers)
            {
                Assert.True(writer.WaitForExit(60_000), "a writer hung");
                Assert.True(writer.ExitCode == 0, $"round {round}: store put exited {writer.ExitCode}: {await writer.StandardError.ReadToEndAsync()}");
                writer.Dispose();
            }

            var versions = Directory.GetDirectories(groupDirectory);
            Assert.True(versions.Length == 1, $"round {round}: expected one version after both puts, found {string.Join(", ", versions.Select(Path.GetFileName))}");
            Assert.Null(TestSets.MixedWriter(versions[0]));
        }

        stopwatch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(processReader, inProcessReader);
        output.WriteLine($"{Rounds} rounds in {stopwatch.ElapsedMilliseconds} ms; reads: {processReads} by store get processes, {inProcessReads} in-process; polls that saw both writers' temporary folders at once: {overlaps}");
        Assert.Empty(problems);
        Assert.True(processReads > 0, "the reader process never read a set");
        Assert.True(inProcessReads > 0, "the in-process reader never read a set");
    }

    [Fact]
    public void The_mixed_set_check_bites()
    {
        var a = TestSets.Write(_temp.File("a"), "writer-A");
        var b = TestSets.Write(_temp.File("b"), "writer-B");
        Assert.Null(TestSets.MixedWriter(a));
        File.Copy(Path.Combine(b, "parse.2.pb.gz"), Path.Combine(a, "parse.2.pb.gz"), overwrite: true);
        Assert.Equal("manifest says writer-A but a profile says writer-B", TestSets.MixedWriter(a));
    }

    private static void Check(string directory, ConcurrentQueue<string> problems, string who)
    {
        try
        {
            if (TestSets.MixedWriter(directory) is { } mixed)
            {
                problems.Enqueue($"{who}: mixed set: {mixed}");
            }
        }
        catch (Exception e)
        {
            problems.Enqueue($"{who}: unreadable set: {e.Message}");
        }
    }

    /// <summary>Starts <c>dotnet profgate.dll args</c> behind a shell loop that waits for the barrier file.</summary>
    private Process StartBehindBarrier(string barrier, string[] args)
    {
        var info = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _temp.Path,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("while [ ! -e \"$0\" ]; do sleep 0.001; done; exec dotnet \"$@\"");
        info.ArgumentList.Add(barrier);
        info.ArgumentList.Add(ProfgateProcess.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        return process;
    }
}
