using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// The compile-time writer of <c>manifest.json</c>: serialization-only, so writing a manifest runs
/// generated code straight onto a <see cref="Utf8JsonWriter"/> and builds no property metadata (whose
/// generic instantiations the JIT has to compile on every run: about 20 ms per capture). Same output
/// as <see cref="ProfileSetJson.Options"/>: get-only (computed) properties are left out here by
/// <c>IgnoreReadOnlyProperties</c>; the golden manifest test holds both to the same text.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(ProfileSetManifest), GenerationMode = JsonSourceGenerationMode.Serialization)]
internal sealed partial class ProfileSetJsonWriteContext : JsonSerializerContext;
