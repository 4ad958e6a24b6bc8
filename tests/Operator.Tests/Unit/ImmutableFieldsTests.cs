using BucketOperator.Entities;
using BucketOperator.Operator.Reconciliation;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class ImmutableFieldsTests
{
    /// <summary>What status records for a bucket created from <see cref="Created"/>.</summary>
    private static readonly ObjectBucketStatus Recorded = new()
    {
        BucketId = "bkt_6VE1Wd37dXnZJ",
        BucketName = "acme-audit-logs",
        Project = Buckets.Project,
        Region = "NYC",
        StorageClass = StorageClasses.HighPerformance,
        Versioning = true,
        ObjectLock = new ObjectLockStatus { Enabled = true, Mode = ObjectLockModes.Compliance, RetentionDays = 30 },
    };

    private static readonly ObjectBucketSpec Created = new()
    {
        BucketName = "acme-audit-logs",
        Project = Buckets.Project,
        Region = "NYC",
        StorageClass = StorageClasses.HighPerformance,
        Versioning = true,
        ObjectLock = new ObjectLockSpec { Enabled = true, Mode = ObjectLockModes.Compliance, RetentionDays = 30 },
    };

    public static TheoryData<string, ObjectBucketSpec> ChangedFields => new()
    {
        { "bucketName", Created with { BucketName = "acme-audit-logs-2" } },
        { "project", Created with { Project = "proj_second" } },
        { "region", Created with { Region = "DAL" } },
        { "storageClass", Created with { StorageClass = StorageClasses.Standard } },
        { "objectLock", Created with { ObjectLock = null } },
        { "objectLock", Created with { ObjectLock = new ObjectLockSpec { Enabled = false } } },
        { "objectLock", Created with { ObjectLock = Created.ObjectLock! with { Mode = ObjectLockModes.Governance } } },
        { "objectLock", Created with { ObjectLock = Created.ObjectLock! with { RetentionDays = 31 } } },
        { "versioning", Created with { Versioning = false, ObjectLock = null } },
    };

    [Fact]
    public void Changes_NoBucketYet_Nothing()
    {
        var everythingDifferent = new ObjectBucketSpec { Region = "DAL", BucketName = "other", Project = "proj_second" };

        Assert.Empty(Changes(everythingDifferent, Recorded with { BucketId = null }));
        Assert.Empty(Changes(everythingDifferent, status: null));
    }

    [Fact]
    public void Changes_SpecAsCreated_Nothing() => Assert.Empty(Changes(Created, Recorded));

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public void Changes_ImmutableFieldChanged_ReportsIt(string field, ObjectBucketSpec spec) =>
        Assert.Contains(Changes(spec, Recorded), c => c.StartsWith(field, StringComparison.Ordinal));

    [Fact]
    public void Changes_SeveralFieldsChanged_ReportsEach() =>
        Assert.Equal(3, Changes(Created with { BucketName = "renamed", Region = "DAL", StorageClass = StorageClasses.Standard }, Recorded).Count);

    [Fact]
    public void Changes_VersioningTurnedOn_Nothing()
    {
        var unversioned = Recorded with { Versioning = false, ObjectLock = new ObjectLockStatus { Enabled = false } };

        Assert.Empty(Changes(Created with { ObjectLock = null, Versioning = true }, unversioned));
    }

    [Fact]
    public void Changes_ObjectLockEnabledAfterCreation_Reported()
    {
        var unlocked = Recorded with { ObjectLock = new ObjectLockStatus { Enabled = false } };

        Assert.Contains(Changes(Created, unlocked), c => c.StartsWith("objectLock", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_RegionInAnotherCase_Nothing() =>
        Assert.Empty(Changes(Created with { Region = "nyc" }, Recorded));

    [Fact]
    public void Changes_FieldsStatusNeverRecorded_NotCompared()
    {
        var sparse = new ObjectBucketStatus { BucketId = Recorded.BucketId };

        Assert.Empty(Changes(Created with { StorageClass = StorageClasses.Standard, Region = "DAL", ObjectLock = null }, sparse));
    }

    [Fact]
    public void Changes_HostileNewValue_QuotedShort()
    {
        var change = Assert.Single(Changes(Created with { BucketName = new string('x', 100_000) + "\u001b" }, Recorded));

        Assert.True(change.Length < 300, $"{change.Length} characters");
    }

    private static IReadOnlyList<string> Changes(ObjectBucketSpec spec, ObjectBucketStatus? status) =>
        ImmutableFields.Changes(DesiredBucket.From(Buckets.New(spec, status: status), Buckets.Project), status);
}
