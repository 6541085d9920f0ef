using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// The one place that turns a <see cref="ProfileSetManifest"/> into <c>manifest.json</c> and back:
/// camelCase, indented, <c>\n</c> line ends, nulls left out, computed properties never written.
/// </summary>
public static class ProfileSetJson
{
    /// <summary>The serializer settings of <c>manifest.json</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = ProfileSetJsonContext.Default.WithAddedModifier(DropComputedProperties),
    };

    /// <summary>The manifest as UTF-8 JSON text ending in a newline.</summary>
    public static string Serialize(ProfileSetManifest manifest) =>
        JsonSerializer.Serialize(manifest, ProfileSetJsonWriteContext.Default.ProfileSetManifest) + "\n";

    /// <summary>
    /// Parses <c>manifest.json</c> text. Checks the schema version before anything else so that a set
    /// written by a newer profgate is refused with an upgrade hint rather than a confusing field error.
    /// </summary>
    public static ProfileSetManifest Deserialize(string json, string source)
    {
        int version;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{source}: expected a JSON object (a profgate ProfileSet manifest), found {document.RootElement.ValueKind}");
            }

            if (!document.RootElement.TryGetProperty("schemaVersion", out var element) || !element.TryGetInt32(out version))
            {
                throw new InputException($"{source}: no integer 'schemaVersion'; expected a profgate ProfileSet manifest (write sets with 'profgate capture' or 'profgate import')");
            }
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: invalid JSON at line {e.LineNumber + 1} ({e.Message}); expected a profgate ProfileSet manifest");
        }

        if (version > ProfileSetManifest.CurrentSchemaVersion)
        {
            throw new InputException($"{source}: ProfileSet schema version {version} was written by a newer profgate; this profgate reads up to version {ProfileSetManifest.CurrentSchemaVersion}; upgrade profgate to read it");
        }

        if (version < 1)
        {
            throw new InputException($"{source}: schemaVersion {version} is not valid; expected 1 to {ProfileSetManifest.CurrentSchemaVersion}");
        }

        try
        {
            return JsonSerializer.Deserialize<ProfileSetManifest>(json, Options)
                ?? throw new InputException($"{source}: the manifest is null; expected a JSON object");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new InputException($"{source}: invalid manifest{where} (line {(e.LineNumber ?? 0) + 1}): {FirstLine(e.Message)}; expected the layout in docs/profileset.md");
        }
    }

    private static void DropComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null && typeInfo.Properties[i].AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
