namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>Which per-function value a rule judges.</summary>
public enum Measure
{
    /// <summary>Weight where the function is the leaf (its own code).</summary>
    Self,

    /// <summary>Weight where the function is anywhere on the stack (itself and its callees).</summary>
    Total,
}
