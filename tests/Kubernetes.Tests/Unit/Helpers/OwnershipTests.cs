using BucketOperator.Kubernetes.Helpers;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit.Helpers;

public sealed class OwnershipTests
{
    [Fact]
    public void SetControllerReference_NoReferences_AddsAControllerReferenceFromTheOwnersType()
    {
        var owned = Secret("s");

        var changed = Ownership.SetControllerReference(Owner("cm", "uid-1"), owned);

        Assert.True(changed);
        Assert.Equal(
            new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "cm", Uid = "uid-1", Controller = true, BlockOwnerDeletion = true },
            Assert.Single(owned.Metadata.OwnerReferences!));
    }

    [Fact]
    public void SetControllerReference_AlreadySet_ReportsUnchanged()
    {
        var owned = Secret("s");
        Ownership.SetControllerReference(Owner("cm", "uid-1"), owned);
        var before = owned.Metadata.OwnerReferences;

        var changed = Ownership.SetControllerReference(Owner("cm", "uid-1"), owned);

        Assert.False(changed);
        Assert.Same(before, owned.Metadata.OwnerReferences);
    }

    [Fact]
    public void SetControllerReference_PlainReferenceToSameOwner_IsUpgradedAndOthersKept()
    {
        var other = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "other", Uid = "uid-9" };
        var plain = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "cm", Uid = "uid-1" };
        var owned = Secret("s");
        owned.Metadata.OwnerReferences = [other, plain];

        Ownership.SetControllerReference(Owner("cm", "uid-1"), owned);

        Assert.Equal(2, owned.Metadata.OwnerReferences.Count);
        Assert.Contains(other, owned.Metadata.OwnerReferences);
        Assert.True(Ownership.IsControlledBy(owned, Owner("cm", "uid-1")));
    }

    [Fact]
    public void SetControllerReference_AnotherController_ThrowsAndChangesNothing()
    {
        var owned = Secret("s");
        Ownership.SetControllerReference(Owner("first", "uid-1"), owned);

        var error = Assert.Throws<AlreadyOwnedException>(() => Ownership.SetControllerReference(Owner("second", "uid-2"), owned));

        Assert.Equal("first", error.Controller.Name);
        Assert.Equal("uid-1", Assert.Single(owned.Metadata.OwnerReferences!).Uid);
    }

    [Fact]
    public void SetControllerReference_OwnerInAnotherNamespace_Throws()
    {
        var owner = Owner("cm", "uid-1");
        owner.Metadata.NamespaceProperty = "elsewhere";

        Assert.Throws<ArgumentException>(() => Ownership.SetControllerReference(owner, Secret("s")));
    }

    [Fact]
    public void SetControllerReference_OwnerNeverPersisted_Throws() =>
        Assert.Throws<ArgumentException>(() => Ownership.SetControllerReference(Owner("cm", uid: null), Secret("s")));

    [Fact]
    public void GetControllerOf_OnlyPlainReferences_ReturnsNull()
    {
        var owned = Secret("s");
        owned.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "cm", Uid = "uid-1", Controller = false }];

        Assert.Null(Ownership.GetControllerOf(owned));
        Assert.False(Ownership.IsControlledBy(owned, Owner("cm", "uid-1")));
    }

    [Fact]
    public void IsControlledBy_SameNameDifferentUid_IsFalse()
    {
        var owned = Secret("s");
        Ownership.SetControllerReference(Owner("cm", "uid-1"), owned);

        Assert.True(Ownership.IsControlledBy(owned, Owner("cm", "uid-1")));
        Assert.False(Ownership.IsControlledBy(owned, Owner("cm", "uid-recreated")));
    }

    private static V1ConfigMap Owner(string name, string? uid) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", Uid = uid } };

    private static V1Secret Secret(string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns" } };
}
