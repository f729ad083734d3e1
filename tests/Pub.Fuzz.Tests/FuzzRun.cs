// Pub.Fuzz.Tests: properties that feed every parser mutated real files and random structure, and assert that
// it returns (diagnostics for a bad input, never an exception) within a bounded time.
//
// Under a plain `dotnet test` each property runs a short pass over fixed seeds, the same cases on every run.
// A longer search is a matter of the environment:
//   PUB_FUZZ_SECONDS=600   run each property for that many seconds on random seeds (shrinking any failure)
//   PUB_FUZZ_SEED=<seed>   replay the seed a failure printed (with PUB_FUZZ_SECONDS: start the search there)
using CsCheck;

namespace Pub.Fuzz.Tests;

internal static class FuzzRun
{
    /// <summary>The root of the fixed seeds of the short pass; changing it changes every case of the pass.</summary>
    private const ulong FixedSeed = 0x5EED_2026;

    /// <summary>Threads get the stack the runtime gives a thread-pool thread on Linux, where builds run.</summary>
    private const int StackBytes = 1536 * 1024;

    public static int? Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("PUB_FUZZ_SECONDS"), out var s) && s > 0 ? s : null;

    public static string? Seed =>
        Environment.GetEnvironmentVariable("PUB_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>
    /// Checks <paramref name="property"/> on inputs from <paramref name="gen"/>: <paramref name="cases"/> fixed
    /// cases under CI, or as many random ones as fit in PUB_FUZZ_SECONDS. Each case must finish within
    /// <paramref name="caseSeconds"/>. A failure is reported by CsCheck with the smallest input it found and the
    /// seed that reproduces it.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, Func<T, string> print, int cases, double caseSeconds = 10)
    {
        // The fixed pass runs beside every other test project on a busy machine: its bound only catches a hang.
        var bound = Seconds is null ? Math.Max(caseSeconds, 60) : caseSeconds;
        void Bounded(T input) => WithinTime(() => property(input), bound);

        if (Seconds is { } seconds)
        {
            var output = TestContext.Current.TestOutputHelper;
            gen.Sample(Bounded, writeLine: line => output?.WriteLine(line), seed: Seed, time: seconds, threads: 1, print: print);
            return;
        }
        if (Seed is { } replay)
        {
            gen.Sample(Bounded, seed: replay, iter: 1, threads: 1, print: print);
            return;
        }
        for (uint k = 0; k < cases; k++)
        {
            gen.Sample(Bounded, seed: new PCG(k, FixedSeed + k).ToString(), iter: 1, threads: 1, print: print);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on its own thread and fails when it has not returned in time. A case that
    /// hangs keeps its (background) thread; the run is failing by then anyway.
    /// </summary>
    public static void WithinTime(Action action, double seconds)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                error = e;
            }
        }, StackBytes) { IsBackground = true, Name = "fuzz case" };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(seconds)))
            throw new TimeoutException($"the case did not finish within {seconds} s");
        if (error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }
}
