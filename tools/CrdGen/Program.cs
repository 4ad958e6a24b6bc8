using BucketOperator.Entities;
using BucketOperator.Entities.Crd;

// Usage: dotnet run --project tools/CrdGen [output path]
// Without a path it rewrites the committed CRD of the repository this is run from.
var output = args.Length > 0 ? Path.GetFullPath(args[0]) : DefaultOutput();
await File.WriteAllTextAsync(output, CrdGenerator.GenerateYaml<ObjectBucket>());
Console.WriteLine($"wrote {output}");

static string DefaultOutput()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
        {
            return Path.Combine(directory.FullName, "config", "crd", "storage.latitude.sh_objectbuckets.yaml");
        }
    }

    throw new InvalidOperationException("Operator.sln not found above the current directory: pass the output path.");
}
