using System.Diagnostics;
using System.Globalization;
using Sample.Lib;

// Sample.Bench [rounds] [fail]: runs the sample pipeline `rounds` times over 20,000 records (default 100
// rounds, a few seconds). PROFGATE_SAMPLE_REGRESS=1 injects the known slowdown and extra allocation;
// "fail" exits with 3 after the work (for capture's failed-command tests).
var rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
var watch = Stopwatch.StartNew();
var digest = 0UL;
for (var round = 0; round < rounds; round++)
{
    digest ^= Pipeline.Run(20_000, seed: round);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sample.Bench: {rounds} rounds in {watch.Elapsed.TotalMilliseconds:F0} ms (digest {digest:x16})"));
return args.Length > 1 && args[1] == "fail" ? 3 : 0;
