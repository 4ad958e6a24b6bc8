using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// Tests that kill or restart the API server get a control plane of their own (a second
/// <see cref="ControlPlaneFixture"/>): the shared one stays up for every other test, which runs meanwhile.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ControlPlaneOutageCollection : ICollectionFixture<ControlPlaneFixture>
{
    public const string Name = "control plane outages";
}
