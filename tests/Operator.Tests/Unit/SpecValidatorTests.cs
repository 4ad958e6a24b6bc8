using System.Text;
using BucketOperator.Entities;
using BucketOperator.Operator.Reconciliation;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class SpecValidatorTests
{
    private const int MaxMessageLength = 300;

    /// <summary>Hostile values by name (the values themselves would make unreadable test names).</summary>
    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["megabyte"] = new string('a', 1024 * 1024),
        ["terminal escapes"] = "bad\u0007name\u001b[31m\r\nInjected: line",
        ["accents"] = "bücket-ñame",
        ["emoji cut mid-pair"] = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 100)),
        ["lone surrogates"] = "\ud800lone-surrogate\udc00",
        ["NUL and C1 controls"] = string.Concat(Enumerable.Repeat("\u0000\u0085\u009b", 300_000)),
    };

    public static TheoryData<string, string> HostileInput
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in new[] { "bucketName", "region", "storageClass", "deletionPolicy", "objectLock.mode", "secretName" })
            {
                foreach (var kind in Hostile.Keys)
                {
                    data.Add(name, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a-b")]
    [InlineData("0ab")]
    [InlineData("team-assets-2025")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz")]
    [InlineData("xn-abc")]
    [InlineData("abc-s3")]
    public void Validate_ValidBucketName_NoErrors(string name) =>
        Assert.Empty(Validate(new ObjectBucketSpec { Region = "DAL", BucketName = name }));

    [Theory]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0")]
    [InlineData("Team-assets")]
    [InlineData("team_assets")]
    [InlineData("team.assets")]
    [InlineData("-team-assets")]
    [InlineData("team-assets-")]
    [InlineData("team assets")]
    [InlineData("tëam-assets")]
    [InlineData("192.168.5.4")]
    [InlineData("xn--team-assets")]
    [InlineData("sthree-team-assets")]
    [InlineData("amzn-s3-demo-team-assets")]
    [InlineData("team-assets-s3alias")]
    [InlineData("team-assets--ol-s3")]
    [InlineData("team-assets--x-s3")]
    [InlineData("team-assets--table-s3")]
    public void Validate_InvalidBucketName_OneErrorAboutTheName(string name) =>
        Assert.Contains("bucket name", Assert.Single(Validate(new ObjectBucketSpec { Region = "DAL", BucketName = name })), StringComparison.Ordinal);

    [Fact]
    public void Validate_NoBucketNameAndInvalidMetadataName_ValidatesTheMetadataName()
    {
        var bucket = Buckets.New(name: "team.assets");

        var error = Assert.Single(SpecValidator.Validate(DesiredBucket.From(bucket, Buckets.Project), bucket));

        Assert.Contains("team.assets", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DAL")]
    [InlineData("SAO2")]
    [InlineData("nyc")]
    public void Validate_SiteSlugRegion_NoErrors(string region) =>
        Assert.Empty(Validate(new ObjectBucketSpec { Region = region }));

    [Theory]
    [InlineData("")]
    [InlineData("DAL-1")]
    [InlineData("us east")]
    [InlineData("us-east-1")]
    [InlineData("DÄL")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Validate_InvalidRegion_OneErrorAboutTheRegion(string region) =>
        Assert.Contains("region", Assert.Single(Validate(new ObjectBucketSpec { Region = region })), StringComparison.Ordinal);

    [Fact]
    public void Validate_NoProjectAnywhere_ErrorNamesBothPlaces()
    {
        var bucket = Buckets.New();

        var error = Assert.Single(SpecValidator.Validate(DesiredBucket.From(bucket, defaultProject: null), bucket));

        Assert.Contains("spec.project", error, StringComparison.Ordinal);
        Assert.Contains("--default-project", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProjectInSpecWithoutDefault_NoErrors()
    {
        var bucket = Buckets.New(new ObjectBucketSpec { Region = "DAL", Project = "my-project" });

        Assert.Empty(SpecValidator.Validate(DesiredBucket.From(bucket, defaultProject: null), bucket));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_ScopedWithoutCustomer_Error(string? customer) =>
        Assert.Contains("customer", Assert.Single(Validate(new ObjectBucketSpec { Region = "DAL", Scoped = true, Customer = customer })), StringComparison.Ordinal);

    [Fact]
    public void Validate_ScopedWithCustomer_NoErrors() =>
        Assert.Empty(Validate(new ObjectBucketSpec { Region = "DAL", Scoped = true, Customer = "acme-corp" }));

    [Theory]
    [InlineData(false, "NONE", null)]
    [InlineData(true, "NONE", null)]
    [InlineData(true, "GOVERNANCE", 1)]
    [InlineData(true, "COMPLIANCE", 3650)]
    public void Validate_ValidObjectLock_NoErrors(bool enabled, string mode, int? retentionDays) =>
        Assert.Empty(Validate(WithLock(enabled, mode, retentionDays)));

    [Theory]
    [InlineData(false, "GOVERNANCE", null, "enabled")]
    [InlineData(false, "NONE", 30, "enabled")]
    [InlineData(false, "COMPLIANCE", 30, "enabled")]
    [InlineData(true, "COMPLIANCE", 0, "at least 1")]
    [InlineData(true, "GOVERNANCE", -5, "at least 1")]
    [InlineData(true, "COMPLIANCE", null, "go together")]
    [InlineData(true, "NONE", 30, "go together")]
    [InlineData(true, "compliance", null, "must be NONE, GOVERNANCE or COMPLIANCE")]
    [InlineData(true, "LEGAL_HOLD", 30, "must be NONE, GOVERNANCE or COMPLIANCE")]
    public void Validate_InvalidObjectLock_ErrorSaysWhy(bool enabled, string mode, int? retentionDays, string expected) =>
        Assert.Contains(Validate(WithLock(enabled, mode, retentionDays)), e => e.StartsWith("objectLock", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("storageClass", "fast")]
    [InlineData("deletionPolicy", "Orphan")]
    [InlineData("secretName", "Team_Secret")]
    [InlineData("credentialsSecretRef", "")]
    public void Validate_InvalidOtherField_OneErrorNamingIt(string field, string value) =>
        Assert.Contains(field, Assert.Single(Validate(With(field, value))), StringComparison.Ordinal);

    [Fact]
    public void Validate_EverythingSetAndValid_NoErrors() =>
        Assert.Empty(Validate(new ObjectBucketSpec
        {
            Region = "NYC",
            BucketName = "acme-audit-logs",
            Project = "my-project",
            StorageClass = StorageClasses.HighPerformance,
            Versioning = true,
            ObjectLock = new ObjectLockSpec { Enabled = true, Mode = ObjectLockModes.Compliance, RetentionDays = 30 },
            Scoped = true,
            Customer = "acme-corp",
            DeletionPolicy = DeletionPolicies.Delete,
            SecretName = "audit-logs.s3",
            CredentialsSecretRef = new SecretKeyReference { Name = "team-latitude-token", Key = "token" },
        }));

    [Theory]
    [MemberData(nameof(HostileInput))]
    public void Validate_HostileInput_ShortPrintableMessage(string field, string kind)
    {
        var error = Assert.Single(Validate(With(field, Hostile[kind])));

        Assert.True(error.Length <= MaxMessageLength, $"{error.Length} characters");
        Assert.DoesNotContain(error, char.IsControl);
        Assert.Equal(error, Encoding.UTF8.GetString(new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(error)));
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("tab\there", "tab?here")]
    [InlineData("bücket", "bücket")]
    public void Quote_ShortValue_KeptWithControlCharactersReplaced(string value, string expected) =>
        Assert.Equal(expected, SpecValidator.Quote(value));

    [Fact]
    public void Quote_LongValue_CutAt64WithAnEllipsis() =>
        Assert.Equal(new string('x', 64) + "…", SpecValidator.Quote(new string('x', 65)));

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, true)]
    [InlineData(253, true)]
    public void Validate_NameLongerThanALabelValue_WithValidBucketName_RejectedBeforeAnyBucketExists(int length, bool rejected)
    {
        var bucket = Buckets.New(new ObjectBucketSpec { Region = "DAL", BucketName = "team-assets" }, name: new string('n', length));

        var errors = SpecValidator.Validate(DesiredBucket.From(bucket, Buckets.Project), bucket);

        Assert.Equal(rejected, errors.Any(e => e.Contains("storage.latitude.sh/objectbucket", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_DistinctLifecycleRules_NoErrors() =>
        Assert.Empty(Validate(WithRules(Rule("expire-logs") with { Prefix = "logs/", NoncurrentDays = 1, AbortIncompleteMultipartUploadDays = 1 }, Rule("expire-tmp"))));

    [Fact]
    public void Validate_DuplicateLifecycleRuleName_NamesTheRule() =>
        Assert.Contains("lifecycle rule 'expire-logs' appears more than once", Assert.Single(Validate(WithRules(Rule("expire-logs"), Rule("other"), Rule("expire-logs") with { ExpirationDays = 2 }))), StringComparison.Ordinal);

    [Theory]
    [InlineData(0, null, null, "expirationDays")]
    [InlineData(1, 0, null, "noncurrentDays")]
    [InlineData(1, null, -3, "abortIncompleteMultipartUploadDays")]
    public void Validate_LifecycleRuleDaysBelowOne_NamesTheRuleAndField(int expiration, int? noncurrent, int? abort, string field) =>
        Assert.Equal(
            $"lifecycle rule 'expire-logs': {field} must be at least 1",
            Assert.Single(Validate(WithRules(Rule("expire-logs") with { ExpirationDays = expiration, NoncurrentDays = noncurrent, AbortIncompleteMultipartUploadDays = abort }))));

    [Fact]
    public void Validate_LifecycleRuleWithoutName_Error() =>
        Assert.Equal("every lifecycle rule needs a name", Assert.Single(Validate(WithRules(Rule(" ")))));

    private static LifecycleRuleSpec Rule(string name) => new() { Name = name, ExpirationDays = 30 };

    private static ObjectBucketSpec WithRules(params LifecycleRuleSpec[] rules) => new() { Region = "DAL", LifecycleRules = rules };

    private static IReadOnlyList<string> Validate(ObjectBucketSpec spec)
    {
        var bucket = Buckets.New(spec);
        return SpecValidator.Validate(DesiredBucket.From(bucket, Buckets.Project), bucket);
    }

    private static ObjectBucketSpec WithLock(bool enabled, string mode, int? retentionDays) =>
        new() { Region = "DAL", ObjectLock = new ObjectLockSpec { Enabled = enabled, Mode = mode, RetentionDays = retentionDays } };

    private static ObjectBucketSpec With(string field, string value)
    {
        var spec = new ObjectBucketSpec { Region = "DAL" };
        return field switch
        {
            "bucketName" => spec with { BucketName = value },
            "region" => spec with { Region = value },
            "storageClass" => spec with { StorageClass = value },
            "deletionPolicy" => spec with { DeletionPolicy = value },
            "objectLock.mode" => spec with { ObjectLock = new ObjectLockSpec { Enabled = true, Mode = value, RetentionDays = 30 } },
            "secretName" => spec with { SecretName = value },
            "credentialsSecretRef" => spec with { CredentialsSecretRef = new SecretKeyReference { Name = "token", Key = value } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }
}
