using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.Sets;

public sealed class ProfileSetReaderTests
{
    [Fact]
    public void A_newer_schema_major_version_is_refused_with_an_upgrade_hint()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("manifest.json"), """{"schemaVersion": 2, "scenarios": "a different shape"}""");
        var e = Assert.Throws<InputException>(() => ProfileSetReader.Read(temp.Path));
        Assert.Equal($"{temp.File("manifest.json")}: ProfileSet schema version 2 was written by a newer profgate; this profgate reads up to version 1; upgrade profgate to read it", e.Message);
    }

    [Fact]
    public void A_missing_run_file_is_named_in_one_line()
    {
        using var temp = new TempDir();
        var dir = temp.File("set");
        ProfileSetWriter.Write(ProfileSetWriterTests.Manifest, ProfileSetWriterTests.Profiles(), dir);
        File.Delete(Path.Combine(dir, "parse.2.pb.gz"));
        var e = Assert.Throws<InputException>(() => ProfileSetReader.Read(dir));
        Assert.Equal($"{Path.Combine(dir, "parse.2.pb.gz")}: missing from the ProfileSet (scenario 'parse' run 2 in manifest.json); copy the whole set folder again or re-capture it", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("../outside.pb.gz")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Run_files_outside_the_set_folder_are_refused(string file)
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("manifest.json"), $$"""{"schemaVersion": 1, "scenarios": [{"name": "s", "runs": [{"file": "{{file}}", "samples": 1}]}]}""");
        var e = Assert.Throws<InputException>(() => ProfileSetReader.ReadManifest(temp.Path));
        Assert.Contains("expected a file name inside the set folder", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "invalid JSON at line")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("""{"commit": "abc"}""", "no integer 'schemaVersion'")]
    [InlineData("""{"schemaVersion": 0}""", "schemaVersion 0 is not valid")]
    [InlineData("""{"schemaVersion": 1}""", "lists no scenarios")]
    [InlineData("""{"schemaVersion": 1, "scenarios": [{"name": "s", "runs": []}]}""", "scenario 's' has no runs")]
    [InlineData("""{"schemaVersion": 1, "scenarios": [{"name": "s", "runs": 5}]}""", "invalid manifest at $.scenarios[0].runs")]
    public void Malformed_manifests_give_one_clear_line(string json, string expected)
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("manifest.json"), json);
        var e = Assert.Throws<InputException>(() => ProfileSetReader.ReadManifest(temp.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_folder_without_manifest_is_not_a_set()
    {
        using var temp = new TempDir();
        Assert.False(ProfileSetReader.IsProfileSet(temp.Path));
        Assert.False(ProfileSetReader.IsProfileSet(temp.File("nope")));
        var e = Assert.Throws<InputException>(() => ProfileSetReader.ReadManifest(temp.Path));
        Assert.Contains("this folder is not a ProfileSet", e.Message, StringComparison.Ordinal);
        File.WriteAllText(temp.File("manifest.json"), "{}");
        Assert.True(ProfileSetReader.IsProfileSet(temp.Path));
    }

    [Fact]
    public void Unknown_fields_from_a_newer_minor_writer_are_ignored()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp.File("s.1.pb.gz"), []);
        File.WriteAllText(temp.File("manifest.json"), """{"schemaVersion": 1, "futureField": {"x": 1}, "scenarios": [{"name": "s", "runs": [{"file": "s.1.pb.gz", "samples": 3, "extra": true}]}]}""");
        var manifest = ProfileSetReader.ReadManifest(temp.Path);
        Assert.Equal("default", manifest.Group);
        Assert.Empty(manifest.Scenarios[0].Timings);
        Assert.True(manifest.Environment.IsUnknown);
    }
}
