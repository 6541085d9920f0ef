using ContinuousProfiler.Gate.Capture.Perf;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

/// <summary>The perf route reads its own <c>perf script</c> text as perf script, never by content detection.</summary>
public sealed class PerfScriptReadTests
{
    [Theory]
    [InlineData("")]
    [InlineData("# ========\n# captured on    : Fri Nov 27 17:22:09 2026\n# cmdline : /usr/bin/perf record -q -e cpu-clock -F 999 -g -o perf.data -- true\n# ========\n#\n\n")]
    public void A_run_without_samples_reads_as_no_profile(string text)
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("perf.script.txt"), text);

        Assert.Null(PerfRunProfiler.ReadScript(temp.File("perf.script.txt"), "true"));
    }

    [Fact]
    public void A_first_sample_without_call_chain_is_read_with_the_others()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("perf.script.txt"),
            "perf-exec 25776 10525.098100:    1001001 cpu-clock: \n\n" +
            "ls 25776 10525.098371:    1001001 cpu-clock: \n\tffffffff81b184c5 __rq_qos_throttle+0x5 ([kernel.kallsyms])\n\n");

        var profile = PerfRunProfiler.ReadScript(temp.File("perf.script.txt"), "ls");

        Assert.NotNull(profile);
        Assert.Equal(("ls", "perf"), (profile.Metadata.Scenario, profile.Metadata.Producer));
        Assert.Equal(2, profile.Samples.Length);
    }
}
