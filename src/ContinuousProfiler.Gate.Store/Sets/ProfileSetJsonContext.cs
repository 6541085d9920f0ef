using System.Text.Json.Serialization;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// Compile-time JSON metadata for <c>manifest.json</c>, so writing or reading a manifest needs no
/// reflection or run-time code generation: the reflection resolver cost profgate about 30 ms of JIT per
/// capture (docs/capture.md). The settings themselves live in <see cref="ProfileSetJson.Options"/>.
/// </summary>
[JsonSerializable(typeof(ProfileSetManifest))]
internal sealed partial class ProfileSetJsonContext : JsonSerializerContext;
