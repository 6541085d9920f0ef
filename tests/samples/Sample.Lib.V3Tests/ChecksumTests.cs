using Sample.Lib;
using Xunit;

namespace Sample.Lib.V3Tests;

public class ChecksumTests
{
    [Fact]
    public void ChecksumIsStable()
    {
        var records = Parser.Parse(RecordSource.Lines(20_000));
        var first = Checksum.Compute(records);
        for (var i = 0; i < 24; i++)
        {
            Assert.Equal(first, Checksum.Compute(records));
        }
    }
}
