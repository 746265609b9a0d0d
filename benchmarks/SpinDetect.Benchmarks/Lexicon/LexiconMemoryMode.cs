using System.Diagnostics;
using SpinDetect.Lexicon;

namespace SpinDetect.Benchmarks.Lexicon;

/// <summary>
/// <c>lexicon-memory [runs]</c>: loads models/lexicon.bin in a fresh process, prints the resident memory after
/// load (and after the lazily built parts are touched) and the median of repeated load times. A plain timed
/// tool: resident memory is a process property that BenchmarkDotNet does not report.
/// </summary>
internal static class LexiconMemoryMode
{
    internal static int Run(string[] args)
    {
        Scoring.ModeArguments.Check(args, [], [], positional: 1);
        var runs = Scoring.ModeArguments.IntAt(args, 0, "runs", 15);
        var path = LexiconAssetPath.Find();
        var before = WorkingSetMiB();
        var clock = Stopwatch.StartNew();
        var lexicon = ReferenceLexicon.Load(path);
        var first = clock.Elapsed.TotalMilliseconds;
        GC.Collect();
        var afterLoad = WorkingSetMiB();
        _ = lexicon.Morphology.LemmaCount;
        _ = lexicon.Synonyms(0).Length;
        GC.Collect();
        var afterLazy = WorkingSetMiB();
        Console.WriteLine($"file: {path} ({new FileInfo(path).Length / 1048576.0:F1} MiB)");
        Console.WriteLine($"working set: {before:F0} MiB before load, {afterLoad:F0} MiB after load, {afterLazy:F0} MiB with morphology and forward synonyms built");
        Console.WriteLine($"managed heap after load: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB");
        int of = lexicon.GetId("of"), the = lexicon.GetId("the"), bag = lexicon.GetId("bag"), purse = lexicon.GetId("purse");
        Console.WriteLine($"counts: {lexicon.WordCount:N0} words, {lexicon.BigramCount:N0} bigrams, {lexicon.TrigramCount:N0} trigrams, {lexicon.ReverseSynonymCount:N0} reverse-synonym links");
        Console.WriteLine($"checks: log10 P(bag|the) {lexicon.Bigram(the, bag):F3}, P(purse|the) {lexicon.Bigram(the, purse):F3}, "
            + $"'of the bag' stored {lexicon.HasTrigram(of, the, bag)}, 'of the purse' stored {lexicon.HasTrigram(of, the, purse)}, "
            + $"P(bag|of the) {lexicon.Trigram(of, the, bag):F3}, P(purse|of the) {lexicon.Trigram(of, the, purse):F3}");
        TimeLookups(lexicon);
        GC.KeepAlive(lexicon);

        var times = new double[runs];
        var readTimes = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            var data = LexiconFile.Read(path);
            readTimes[i] = clock.Elapsed.TotalMilliseconds;
            GC.KeepAlive(new ReferenceLexicon(data, path));
            times[i] = clock.Elapsed.TotalMilliseconds;
            GC.Collect();
        }

        // Reference points on the same machine: reading the bytes alone, and checksumming them alone.
        var rawTimes = new double[runs];
        var hashTimes = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            var bytes = File.ReadAllBytes(path);
            rawTimes[i] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            GC.KeepAlive(Checksum64.Compute(bytes));
            hashTimes[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(rawTimes);
        Array.Sort(hashTimes);
        Console.WriteLine($"reference: File.ReadAllBytes median {rawTimes[runs / 2]:F1} ms, xxHash64 of the whole file median {hashTimes[runs / 2]:F1} ms");
        Array.Sort(times);
        Array.Sort(readTimes);
        Console.WriteLine($"load time: first (cold JIT) {first:F0} ms; median of {runs} {times[runs / 2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1}); of which read+verify median {readTimes[runs / 2]:F1} ms");
        return 0;
    }

    private static double WorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / 1048576.0;
    }

    /// <summary>Stopwatch loops over the same random ids, as a cross-check of the BenchmarkDotNet figures.</summary>
    private static void TimeLookups(ReferenceLexicon lexicon)
    {
        const int Count = 1 << 20;
        var random = new Random(5);
        var ids = new int[Count + 2];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = random.Next(lexicon.WordCount);
        }

        var words = new string[4096];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = lexicon.Word(ids[i]);
        }

        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var sum = 0f;
            for (var i = 0; i < Count; i++)
            {
                sum += lexicon.Bigram(ids[i], ids[i + 1]);
            }

            var bigram = clock.Elapsed.TotalNanoseconds / Count;
            clock.Restart();
            for (var i = 0; i < Count; i++)
            {
                sum += lexicon.Trigram(ids[i], ids[i + 1], ids[i + 2]);
            }

            var trigram = clock.Elapsed.TotalNanoseconds / Count;
            clock.Restart();
            var found = 0;
            for (var i = 0; i < Count; i++)
            {
                found += lexicon.GetId(words[i & 4095]);
            }

            var getId = clock.Elapsed.TotalNanoseconds / Count;
            clock.Restart();
            for (var i = 0; i < Count; i++)
            {
                found += lexicon.GetId("Employees");
            }

            var sameWord = clock.Elapsed.TotalNanoseconds / Count;
            Console.WriteLine($"GetId of one repeated word: {sameWord:F1} ns");
            Console.WriteLine($"stopwatch (random ids, round {round}): Bigram {bigram:F1} ns, Trigram {trigram:F1} ns, GetId {getId:F1} ns ({sum:F0}, {found})");
        }
    }
}
