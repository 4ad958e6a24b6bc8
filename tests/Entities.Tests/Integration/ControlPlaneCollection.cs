using BucketOperator.TestSupport;

namespace BucketOperator.Entities.Tests.Integration;

[CollectionDefinition(ControlPlaneFixture.Collection)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>;
