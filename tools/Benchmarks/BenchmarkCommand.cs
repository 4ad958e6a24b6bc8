using BucketOperator.ControlPlane;

namespace BucketOperator.Benchmarks;

/// <summary>The benchmark program's command line.</summary>
internal sealed record BenchmarkCommand(BenchmarkSizes Sizes, IReadOnlyList<string> Only, string? Output)
{
    public const string Usage = """
        usage: hack/bench.sh [--quick] [--only ID[,ID…]] [--output FILE | --no-output]
          --quick      small sizes: checks that every scenario still runs (CI); prints tables, writes no file
          --only       run these scenarios: create-throughput, latency, steady-state, scale, reconcile-cost
          --output     the document whose results sections are replaced (default docs/performance.md, full runs only)
          --no-output  print only
        """;

    /// <returns>Null (with a message on standard error) for a command line that is not understood.</returns>
    public static BenchmarkCommand? Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var only = new List<string>();
        string? output = null;
        var write = true;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Count:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--output" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--no-output":
                    write = false;
                    break;
                default:
                    Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'\n{Usage}");
                    return null;
            }
        }

        var unknown = only.Where(id => BenchmarkRun.Scenarios.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown scenario(s): {string.Join(", ", unknown)}\n{Usage}");
            return null;
        }

        output ??= quick ? null : YamlManifests.RepositoryPath("docs", "performance.md");
        return new BenchmarkCommand(quick ? BenchmarkSizes.QuickCheck : BenchmarkSizes.Full, only, write ? output : null);
    }
}
