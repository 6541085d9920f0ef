using Sample.Lib;
using Xunit;

namespace Sample.Lib.V3Tests;

public class PipelineTests
{
    [Fact]
    public async Task PipelineRunsOnTheThreadPool()
    {
        var digest = 0UL;
        for (var i = 0; i < 10; i++)
        {
            digest ^= await Task.Run(() => Pipeline.Run(20_000, seed: i));
        }

        Assert.NotEqual(0UL, digest);
    }
}
