using Xunit;

// The end-to-end tests run real profiled processes on small machines: one at a time, so they do not
// starve each other of CPU (and the sample counts the assertions rely on stay representative).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
