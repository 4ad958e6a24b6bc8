using BucketOperator.TestSupport;

namespace BucketOperator.Packaging.Tests.Support;

[CollectionDefinition(ControlPlaneFixture.Collection)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>;
