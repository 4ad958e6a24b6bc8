using BucketOperator.Packaging.Tests.Support;

namespace BucketOperator.Packaging.Tests.Image;

/// <summary>
/// hack/image.sh, which builds the image and runs podman on the image store it builds into. A missing buildah,
/// podman or runc fails with the script's message saying how to install them.
/// </summary>
internal static class Podman
{
    private static readonly string Script = Path.Combine(CommandLine.RepositoryRoot, "hack", "image.sh");

    /// <summary>Builds the image unless nothing it is made from changed; returns its name.</summary>
    public static async Task<string> BuildImageAsync()
    {
        // A cold build makes both stand-in base images and restores every package: minutes on two cores.
        var build = (await CommandLine.RunAsync(Script, [], TimeSpan.FromMinutes(15))).EnsureSuccess("building the image (hack/image.sh)");
        return build.Output.TrimEnd().Split('\n')[^1];
    }

    public static Task<CommandResult> RunAsync(params string[] arguments) =>
        CommandLine.RunAsync(Script, ["podman", .. arguments], TimeSpan.FromMinutes(1));
}
