using System.Runtime.InteropServices;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Turns SIGINT, SIGTERM and SIGHUP into an orderly stop. The first signal kills this process's child
/// processes (the profiled command) and lets the caller unwind through its <c>finally</c> blocks
/// (<see cref="ThrowIfRequested"/>), which remove the base worktree and scratch folders. A second signal, or
/// a caller still running after the grace period, runs the registered cleanups at once and ends the process.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly List<Action> _cleanups = [];
    private readonly TimeSpan _grace;
    private Timer? _watchdog;
    private int _signalCount;

    public Interruption(TimeSpan? grace = null)
    {
        _grace = grace ?? TimeSpan.FromSeconds(30);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>True once a signal arrived.</summary>
    public bool Requested => Volatile.Read(ref _signalCount) > 0;

    /// <summary>Throws <see cref="OperationCanceledException"/> when a signal arrived (the CLI prints "cancelled", exit 2).</summary>
    public void ThrowIfRequested()
    {
        if (Requested)
        {
            throw new OperationCanceledException("interrupted");
        }
    }

    /// <summary>Registers a cleanup for a forced exit; dispose the result once the cleanup has run normally.</summary>
    public IDisposable AtForcedExit(Action cleanup)
    {
        lock (_cleanups)
        {
            _cleanups.Add(cleanup);
        }

        return new Registration(() =>
        {
            lock (_cleanups)
            {
                _cleanups.Remove(cleanup);
            }
        });
    }

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        _watchdog?.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signalCount) == 1)
        {
            context.Cancel = true;
            ChildProcesses.KillAll();
            _watchdog = new Timer(_ => ForceExit(), null, _grace, Timeout.InfiniteTimeSpan);
            return;
        }

        RunCleanups();
        context.Cancel = false;
    }

    private void ForceExit()
    {
        RunCleanups();
        Environment.Exit(ExitCodes.InputError);
    }

    private void RunCleanups()
    {
        Action[] cleanups;
        lock (_cleanups)
        {
            cleanups = [.. _cleanups];
        }

        foreach (var cleanup in cleanups.Reverse())
        {
            try
            {
                cleanup();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InputException)
            {
            }
        }
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                remove();
            }
        }
    }
}
