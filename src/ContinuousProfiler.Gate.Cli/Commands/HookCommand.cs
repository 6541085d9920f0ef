using System.CommandLine;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Local.Hooks;
using ContinuousProfiler.Gate.Store.Git;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary><c>profgate hook install|uninstall</c>: the git pre-push hook that runs <c>profgate local</c>.</summary>
internal static class HookCommand
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Rewrite an installed profgate hook, or keep an existing pre-push hook by chaining it before profgate's check." };
        var install = new Command("install", "Install a git pre-push hook that runs 'profgate local' with the command from .profgate.yml (local.command).") { force };
        install.SetAction(parse =>
        {
            var installer = new HookInstaller(HooksDirectory());
            context.Out.WriteLine(installer.Install(ProfgateInvocation.ShellCommand(), parse.GetValue(force)));
            context.Out.WriteLine($"Skip it for one push with {HookScript.SkipVariable}=1 git push.");
            return 0;
        });

        var uninstall = new Command("uninstall", "Remove the pre-push hook that 'profgate hook install' wrote (and restore a chained one).");
        uninstall.SetAction(_ =>
        {
            context.Out.WriteLine(new HookInstaller(HooksDirectory()).Uninstall());
            return 0;
        });

        return new Command("hook", "Install or remove the git pre-push hook.") { install, uninstall };
    }

    private static string HooksDirectory() =>
        (GitRepository.TryOpen(Environment.CurrentDirectory)
            ?? throw new InputException($"{Environment.CurrentDirectory}: not inside a git repository; run 'profgate hook' from your repository")).GitPath("hooks");
}
