using Xunit;

// The end-to-end tests build and profile real .NET programs on small machines: one at a time, so they do
// not starve each other of CPU (and the runs they compare stay comparable).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
