using BucketOperator.ControlPlane;
using Xunit;

namespace BucketOperator.TestSupport;

/// <summary>
/// xUnit fixture owning one <see cref="LocalControlPlane"/> for a test collection. Test assemblies declare
/// <c>[CollectionDefinition(ControlPlaneFixture.Collection)] class …: ICollectionFixture&lt;ControlPlaneFixture&gt;</c>
/// (xUnit only finds collection definitions in the test assembly itself).
/// </summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    public const string Collection = "control plane";

    private LocalControlPlane? _plane;

    public LocalControlPlane Plane => _plane ?? throw new InvalidOperationException("The control plane has not started.");

    public async Task InitializeAsync()
    {
        _plane = await LocalControlPlane.StartAsync();
        // A test host that exits without disposing fixtures (Environment.Exit, unhandled crash) still stops the servers.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_plane is not null)
        {
            await _plane.DisposeAsync();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => _plane?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
