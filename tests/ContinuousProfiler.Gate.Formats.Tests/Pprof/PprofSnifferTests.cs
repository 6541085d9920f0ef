using ContinuousProfiler.Gate.Formats.Pprof;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>Content detection: pprof is claimed for every pprof file and for nothing else in the corpus.</summary>
public sealed class PprofSnifferTests
{
    private static readonly PprofImporter Importer = new();

    [CorpusFact]
    public void ClaimsEveryProtobufProfileOfTheCorpus()
    {
        foreach (var file in PprofCorpus.Valid.Concat(PprofCorpus.Rejected.Select(r => r.File)))
        {
            Assert.True(Importer.CanRead(Head(Paths.CorpusFile(file))), $"{file} should be detected as pprof");
        }
    }

    [CorpusFact]
    public void ClaimsNoOtherFileOfTheCorpus()
    {
        var pprof = new HashSet<string>(PprofCorpus.Valid.Concat(PprofCorpus.Rejected.Select(r => r.File)), StringComparer.Ordinal);
        var checkedFiles = 0;
        foreach (var path in Directory.EnumerateFiles(Paths.Corpus, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Paths.Corpus, path).Replace('\\', '/');
            if (pprof.Contains(relative) || new FileInfo(path).Length == 0)
            {
                continue;
            }

            checkedFiles++;
            Assert.False(Importer.CanRead(Head(path)), $"{relative} is not pprof but the probe claims it");
        }

        Assert.True(checkedFiles > 200, $"only {checkedFiles} corpus files were probed");
    }

    [Fact]
    public void RejectsShortTextAndEmptyInput()
    {
        foreach (var text in new[] { "", "a;b;c 12\n", "main 1", "{\"$schema\":1}", "# comment\n", "2\n", "P\n", "8", "h1 2\n", "--- heapz 1 ---\n" })
        {
            Assert.False(Importer.CanRead(System.Text.Encoding.UTF8.GetBytes(text)), $"claimed '{text}'");
        }
    }

    [Fact]
    public void ClaimsDamagedProfilesSoTheImporterCanNameTheDamage()
    {
        var bytes = PprofTestFiles.Locations(PprofTestFiles.Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).ToArray();
        Assert.True(Importer.CanRead(bytes));
        Assert.True(Importer.CanRead(bytes[..^3]), "truncated");
        Assert.True(Importer.CanRead([.. bytes, 0xff, 0xff, 0xff]), "garbage appended");
        Assert.False(Importer.CanRead(bytes[..3]), "too little evidence");
    }

    private static byte[] Head(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = ProfileReader.ReadAll(stream, path);
        return bytes.AsSpan(0, Math.Min(bytes.Length, PprofSniffer.ProbeLength)).ToArray();
    }
}
