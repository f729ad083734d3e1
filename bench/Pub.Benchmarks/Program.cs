// Pub.Benchmarks: timings quoted in the README, measured with BenchmarkDotNet.
// Run: dotnet run -c Release --project bench/Pub.Benchmarks -- --filter '*'
// `-- peak-memory` instead measures the peak working set of one 300-page PDF build.
using BenchmarkDotNet.Running;

if (args is [Pub.Benchmarks.PeakMemory.Command])
{
    return Pub.Benchmarks.PeakMemory.Run();
}
if (args is [Pub.Benchmarks.LayoutProfile.Command, ..])
{
    return Pub.Benchmarks.LayoutProfile.Run(@long: args is [_, "300"]);
}
BenchmarkSwitcher.FromAssembly(typeof(Pub.Benchmarks.PreviewReloadBenchmark).Assembly).Run(args);
return 0;
