using System.Xml.Linq;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// A <c>.runsettings</c> that scopes environment variables to VSTest's test host. VSTest kills the
/// test host about 100 ms after the run, before the runtime's method rundown, so ReadyToRun code would
/// stay unnamed; turning ReadyToRun off there makes every method JIT-compiled and named inline.
/// A user's own runsettings file is kept and extended.
/// </summary>
public static class TestRunSettings
{
    /// <summary>Writes the settings file and returns its path.</summary>
    /// <param name="path">Where to write it.</param>
    /// <param name="variables">The variables for the test host.</param>
    /// <param name="userSettings">The user's <c>--settings</c> file to extend, or null.</param>
    public static string Write(string path, IReadOnlyDictionary<string, string> variables, string? userSettings)
    {
        XDocument document;
        if (userSettings is null)
        {
            document = new XDocument(new XElement("RunSettings"));
        }
        else
        {
            try
            {
                document = XDocument.Load(userSettings);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                throw new InputException($"{userSettings}: cannot read the --settings file ({e.Message}); expected a .runsettings XML file");
            }
        }

        var root = document.Root ?? throw new InputException($"{userSettings}: the --settings file has no root element; expected <RunSettings>");
        var configuration = Child(root, "RunConfiguration");
        var environment = Child(configuration, "EnvironmentVariables");
        foreach (var (name, value) in variables)
        {
            environment.Element(name)?.Remove();
            environment.Add(new XElement(name, value));
        }

        document.Save(path);
        return path;
    }

    private static XElement Child(XElement parent, string name)
    {
        var child = parent.Element(name);
        if (child is null)
        {
            child = new XElement(name);
            parent.Add(child);
        }

        return child;
    }
}
