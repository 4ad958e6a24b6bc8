using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.ControlPlane;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.TestSupport;

namespace BucketOperator.Entities.Tests.Integration;

/// <summary>
/// The generated CRD on the real API server, with the typed entity. Objects are sent as raw JSON through
/// server-side apply (as Argo CD and <c>kubectl apply --server-side</c> do), so the server, not the C#
/// initializers, fills in the defaults that are read back.
/// </summary>
[Collection(ControlPlaneFixture.Collection)]
public sealed class ObjectBucketSchemaTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private static readonly PatchOptions Apply = new("entities-tests");

    private static readonly JsonSerializerOptions Json = KubernetesJson.Create(EntitiesJsonContext.Default, StoredJsonContext.Default);

    private readonly KubernetesClient _client = fixture.Plane.CreateClient(Json);

    private string _namespace = "";

    public async Task InitializeAsync()
    {
        _namespace = (await _client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "entities-" } })).Metadata.Name!;
        await ManifestInstaller.InstallCrdAsync(_client, ManifestInstaller.ObjectBucketCrdPath);
    }

    public async Task DisposeAsync()
    {
        await _client.DeleteAsync<V1Namespace>(_namespace);
        _client.Dispose();
    }

    [Fact]
    public async Task Apply_EverySample_IsStoredWithDefaultsAndReadBackTyped()
    {
        var samples = Directory.GetFiles(YamlManifests.RepositoryPath("config", "samples"), "*.yaml")
            .SelectMany(YamlManifests.Load)
            .Where(d => d["kind"]?.GetValue<string>() == ResourceType.Of<ObjectBucket>().Kind)
            .ToList();
        Assert.NotEmpty(samples);

        foreach (var sample in samples)
        {
            var name = sample["metadata"]!["name"]!.GetValue<string>();
            var expected = WithSchemaDefaults(sample["spec"]!.AsObject());

            var stored = await _client.PatchAsync<StoredObjectBucket>(name, _namespace, Patch.Apply(sample.ToJsonString()), Apply);
            var typed = await _client.GetAsync<ObjectBucket>(name, _namespace);

            Assert.True(JsonNode.DeepEquals(expected, stored.Spec), $"{name}: stored {stored.Spec}, expected {expected}");
            var typedSpec = JsonSerializer.SerializeToNode(typed!.Spec, Json.TypeInfo<ObjectBucketSpec>());
            Assert.True(JsonNode.DeepEquals(stored.Spec, typedSpec), $"{name}: typed {typedSpec}, stored {stored.Spec}");
        }
    }

    [Theory]
    [InlineData("""{"region":"DAL","storageClass":"fast"}""", "spec.storageClass")]
    [InlineData("""{"region":"DAL","bucketName":"Not_Valid"}""", "spec.bucketName")]
    [InlineData("""{"storageClass":"standard"}""", "spec.region")]
    [InlineData("""{"region":"DAL","objectLock":{"enabled":true,"retentionDays":0}}""", "spec.objectLock.retentionDays")]
    [InlineData("""{"region":"DAL","deletionPolicy":"Orphan"}""", "spec.deletionPolicy")]
    [InlineData("""{"region":"DAL","credentialsSecretRef":{"name":"token"}}""", "spec.credentialsSecretRef.key")]
    public async Task Apply_InvalidSpec_IsRejectedNamingTheField(string spec, string field)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = ResourceType.Of<ObjectBucket>().ApiVersion,
            ["kind"] = ResourceType.Of<ObjectBucket>().Kind,
            ["metadata"] = new JsonObject { ["name"] = "invalid" },
            ["spec"] = JsonNode.Parse(spec),
        };

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => _client.PatchAsync<ObjectBucket>("invalid", _namespace, Patch.Apply(body.ToJsonString()), Apply));

        Assert.True(error.IsInvalid, error.Message);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == field);
        Assert.Null(await _client.GetAsync<ObjectBucket>("invalid", _namespace));
    }

    [Theory]
    [InlineData("""[{"name":"a","expirationDays":0}]""", "expirationDays")]
    [InlineData("""[{"name":"a","expirationDays":1,"noncurrentDays":0}]""", "noncurrentDays")]
    [InlineData("""[{"name":"a","expirationDays":1,"abortIncompleteMultipartUploadDays":0}]""", "abortIncompleteMultipartUploadDays")]
    [InlineData("""[{"expirationDays":1}]""", "name")]
    [InlineData("""[{"name":"a"}]""", "expirationDays")]
    [InlineData("""[{"name":"a","expirationDays":1},{"name":"a","expirationDays":2}]""", "")]
    public async Task Apply_InvalidLifecycleRules_IsRejectedNamingTheList(string rules, string field)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = ResourceType.Of<ObjectBucket>().ApiVersion,
            ["kind"] = ResourceType.Of<ObjectBucket>().Kind,
            ["metadata"] = new JsonObject { ["name"] = "invalid-rules", ["namespace"] = _namespace },
            ["spec"] = new JsonObject { ["region"] = "DAL", ["lifecycleRules"] = JsonNode.Parse(rules) },
        };

        // Created, not applied: server-side apply would merge the duplicate keys of a list map before validation.
        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => _client.CreateAsync(JsonSerializer.Deserialize<StoredObjectBucket>(body.ToJsonString(), Json)!));

        Assert.True(error.IsInvalid, error.Message);
        // 1.20 names list items without their index; newer servers add it. A duplicate key is reported on the item.
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field is { } f && f.StartsWith("spec.lifecycleRules", StringComparison.Ordinal) && f.EndsWith(field, StringComparison.Ordinal));
        Assert.Null(await _client.GetAsync<ObjectBucket>("invalid-rules", _namespace));
    }

    [Fact]
    public async Task ReplaceStatus_WithReadyCondition_IsStoredAndReadBack()
    {
        var created = await _client.CreateAsync(NewBucket("status"));
        var status = new ObjectBucketStatus
        {
            ObservedGeneration = created.Metadata.Generation,
            BucketId = "bkt_6VE1Wd37dXnZJ",
            BucketName = "status",
            Region = "DAL",
            StorageClass = StorageClasses.Standard,
            Versioning = false,
            ObjectLock = new ObjectLockStatus { Enabled = false, Mode = ObjectLockModes.None },
            CreatedAt = new DateTimeOffset(2026, 3, 19, 10, 30, 0, 500, TimeSpan.Zero),
            Conditions =
            [
                new Condition
                {
                    Type = ObjectBucketNames.ReadyCondition,
                    Status = "True",
                    Reason = ReadyReasons.Available,
                    Message = "Bucket status is ready",
                    ObservedGeneration = created.Metadata.Generation,
                    LastTransitionTime = new DateTimeOffset(2026, 3, 19, 10, 30, 1, TimeSpan.Zero),
                },
            ],
        };

        await _client.ReplaceStatusAsync(created with { Status = status });
        var stored = (await _client.GetAsync<ObjectBucket>("status", _namespace))!;

        var ready = Assert.Single(stored.Status!.Conditions!);
        Assert.Equal(status.Conditions[0], ready);
        Assert.Equal(status with { Conditions = null }, stored.Status with { Conditions = null });
        Assert.Equal(created.Metadata.Generation, stored.Metadata.Generation);
    }

    [Fact]
    public async Task PatchStatus_ConditionWithoutReason_IsRejected()
    {
        await _client.CreateAsync(NewBucket("no-reason"));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => _client.PatchStatusAsync<ObjectBucket>(
            "no-reason",
            _namespace,
            Patch.Merge("""{"status":{"conditions":[{"type":"Ready","status":"Unknown","message":"Creating the bucket","lastTransitionTime":"2026-03-19T10:30:00Z"}]}}""")));

        Assert.True(error.IsInvalid, error.Message);
        // 1.20 names list items without their index; newer servers add it.
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field is "status.conditions.reason" or "status.conditions[0].reason");
    }

    /// <summary>The spec as the schema's defaults complete it (written out here, independently of the attributes).</summary>
    private static JsonObject WithSchemaDefaults(JsonObject spec)
    {
        var expected = spec.DeepClone().AsObject();
        expected.TryAdd("storageClass", "standard");
        expected.TryAdd("versioning", false);
        expected.TryAdd("scoped", false);
        expected.TryAdd("deletionPolicy", "Retain");
        if (expected["objectLock"] is JsonObject objectLock)
        {
            objectLock.TryAdd("enabled", false);
            objectLock.TryAdd("mode", "NONE");
        }

        foreach (var rule in (expected["lifecycleRules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            rule.TryAdd("enabled", true);
        }

        return expected;
    }

    private ObjectBucket NewBucket(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = _namespace },
        Spec = new ObjectBucketSpec { Region = "DAL" },
    };
}
