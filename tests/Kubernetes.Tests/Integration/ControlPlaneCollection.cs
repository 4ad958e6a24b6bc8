using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

[CollectionDefinition(ControlPlaneFixture.Collection)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>;
