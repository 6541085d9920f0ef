using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Writes_utf8_text_without_bom_with_lf_line_ends_and_replaces_an_old_file_whole()
    {
        using var temp = new TempDir();
        var path = temp.File("out/report.md");
        AtomicFile.WriteText(path, "old, longer content\n");

        AtomicFile.WriteText(path, writer => writer.WriteLine("é"));

        Assert.Equal([0xC3, 0xA9, (byte)'\n'], File.ReadAllBytes(path));
        Assert.Equal(["report.md"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_writer_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempDir();
        var path = temp.File("cpu.pb.gz");
        File.WriteAllText(path, "previous");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("render failed");
        }));

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal(["cpu.pb.gz"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unwritable_path_is_one_input_error_line_naming_it()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("blocker"), "x");

        var error = Assert.Throws<InputException>(() => AtomicFile.WriteText(temp.File("blocker/report.html"), "x", "report"));

        Assert.StartsWith($"{temp.File("blocker/report.html")}: cannot write the report (", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a writable path", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("x", File.ReadAllText(temp.File("blocker")));
    }

    [Fact]
    public void A_file_mode_is_set_before_the_rename()
    {
        using var temp = new TempDir();
        var path = temp.File("pre-push");

        AtomicFile.WriteText(path, "#!/bin/sh\n", "hook", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
        }
    }
}
