using System.Globalization;

namespace BucketOperator.Packaging.Tests.Image;

/// <summary>The operator's image, built once for the test class by hack/image.sh (a no-op when it is up to date).</summary>
public sealed class OperatorImage : IAsyncLifetime
{
    public string Name { get; private set; } = "";

    /// <summary>Uncompressed, as podman reports it.</summary>
    public long SizeBytes { get; private set; }

    public async Task InitializeAsync()
    {
        Name = await Podman.BuildImageAsync();
        var size = (await Podman.RunAsync("image", "inspect", "--format", "{{.Size}}", Name)).EnsureSuccess("reading the image size");
        SizeBytes = long.Parse(size.Output.Trim(), CultureInfo.InvariantCulture);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
