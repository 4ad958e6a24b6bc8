using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Support;

[CollectionDefinition(ControlPlaneFixture.Collection)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>;
