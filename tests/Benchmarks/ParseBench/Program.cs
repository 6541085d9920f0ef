using System.Diagnostics;
using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Formats;

// Warm in-process parse time: reads each file once to warm up, then times N more reads
// (decompress + parse + build the model) and the per-function summary separately.
// Usage: dotnet run -c Release --project tests/Benchmarks/ParseBench -- [-n ROUNDS] FILE...
var rounds = 10;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "-n")
    {
        rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        files.Add(args[i]);
    }
}

foreach (var file in files)
{
    try
    {
        var profile = ProfileReader.Read(file);
        var parse = new List<double>();
        var cpu = new List<double>();
        var allocated = 0L;
        var summarize = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            profile = ProfileReader.Read(file);
            parse.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            watch.Restart();
            _ = FunctionSummary.Compute(profile, profile.DefaultSampleType).Top(10, byTotal: false);
            summarize.Add(watch.Elapsed.TotalMilliseconds);
        }

        parse.Sort();
        cpu.Sort();
        summarize.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {profile.Samples.Length} stacks, {profile.Frames.Length} frames; warm parse median {parse[parse.Count / 2]:F1} ms wall (min {parse[0]:F1}), {cpu[cpu.Count / 2]:F1} ms CPU, {allocated / 1e6:F0} MB allocated; summary median {summarize[summarize.Count / 2]:F1} ms over {rounds} rounds"));
    }
    catch (InputException e)
    {
        Console.WriteLine($"{file}: rejected: {e.Message}");
    }
}
