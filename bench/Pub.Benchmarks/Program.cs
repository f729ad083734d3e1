// Pub.Benchmarks: timings quoted in the README, measured with BenchmarkDotNet.
// Run: dotnet run -c Release --project bench/Pub.Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Pub.Benchmarks.PreviewReloadBenchmark).Assembly).Run(args);
