namespace Sample.Lib;

/// <summary>One parsed input record.</summary>
public readonly record struct Record(int Key, long Amount, string Label);
