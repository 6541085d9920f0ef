using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Config.Tests;

public sealed class ConfigFileTests
{
    [Fact]
    public void No_file_means_the_default_policy()
    {
        using var dir = new TempDir();

        Assert.Same(GatePolicy.Default, ConfigLoader.LoadOrDefault(dir.Path));
        Assert.Null(ConfigLoader.Find(dir.Path));
    }

    [Fact]
    public void Loads_the_file_at_the_root()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".profgate.yml"), "defaults:\n  fail: 12%\n");

        Assert.Equal(0.12, ConfigLoader.LoadOrDefault(dir.Path).Defaults.Fail);
    }

    [Fact]
    public void Accepts_the_yaml_spelling_and_a_byte_order_mark()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".profgate.yaml"), "defaults:\n  fail: 12%\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(0.12, ConfigLoader.LoadOrDefault(dir.Path).Defaults.Fail);
    }

    [Fact]
    public void Both_spellings_at_once_is_an_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".profgate.yml"), "");
        File.WriteAllText(dir.File(".profgate.yaml"), "");

        var e = Assert.Throws<InputException>(() => ConfigLoader.LoadOrDefault(dir.Path));
        Assert.Contains("both exist; keep one of them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_path_given()
    {
        using var dir = new TempDir();
        var path = dir.File(".profgate.yml");
        File.WriteAllText(path, "# gate\ndefaults:\n  fail: 10\n");

        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(path));
        Assert.StartsWith(path + ":3: defaults.fail: '10' is not a percentage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_path_is_an_input_error()
    {
        using var dir = new TempDir();
        var path = dir.File("nope.yml");

        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(path));
        Assert.Equal($"{path}: config file not found; check the --config path", e.Message);
    }
}
