using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Entities.Schema;
using BucketOperator.Entities.Serialization;
using BucketOperator.Kubernetes.Serialization;

namespace BucketOperator.Entities.Tests.Unit;

public sealed class ObjectBucketJsonTests
{
    private static readonly JsonSerializerOptions Json = KubernetesJson.Create(EntitiesJsonContext.Default);

    [Fact]
    public void Deserialize_FullObjectThenSerialize_EqualsTheInput()
    {
        const string input = """
            {
              "apiVersion": "storage.latitude.sh/v1alpha1",
              "kind": "ObjectBucket",
              "metadata": {"name": "audit", "namespace": "team-a", "uid": "5f0c", "resourceVersion": "42", "generation": 3,
                           "creationTimestamp": "2026-03-19T10:30:00.000000Z", "annotations": {"storage.latitude.sh/adopt": "true"},
                           "finalizers": ["storage.latitude.sh/finalizer"]},
              "spec": {
                "bucketName": "acme-audit", "project": "proj_6059EqYkOQj8p", "region": "SAO2", "storageClass": "high_performance",
                "versioning": true, "objectLock": {"enabled": true, "mode": "COMPLIANCE", "retentionDays": 30},
                "scoped": true, "customer": "acme-corp", "deletionPolicy": "Delete", "secretName": "audit-s3",
                "credentialsSecretRef": {"name": "latitude-token", "key": "token"}
              },
              "status": {
                "observedGeneration": 3, "bucketId": "bkt_6VE1Wd37dXnZJ", "bucketName": "acme-audit", "project": "proj_6059EqYkOQj8p",
                "endpoint": "https://objects.sao2.storage.sh", "region": "SAO2", "storageClass": "high_performance", "versioning": true,
                "objectLock": {"enabled": true, "mode": "COMPLIANCE", "retentionDays": 30}, "secretName": "audit-s3",
                "accessKeyId": "AKIA123", "accessKeyUsername": "lob-5f0c", "createdAt": "2026-03-19T10:30:01.500000Z",
                "createPending": "2026-03-19T10:30:00.250000Z",
                "conditions": [{"type": "Ready", "status": "True", "observedGeneration": 3,
                                "lastTransitionTime": "2026-03-19T10:30:02.000000Z", "reason": "Available", "message": "Bucket acme-audit is ready"}]
              }
            }
            """;

        var bucket = JsonSerializer.Deserialize(input, Json.TypeInfo<ObjectBucket>())!;
        var output = JsonSerializer.Serialize(bucket, Json.TypeInfo<ObjectBucket>());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonNode.Parse(output)), output);
    }

    [Fact]
    public void Serialize_UnsetOptionalFields_AreOmitted()
    {
        var bucket = new ObjectBucket { Spec = new ObjectBucketSpec { Region = "DAL" } };

        var output = JsonSerializer.Serialize(bucket, Json.TypeInfo<ObjectBucket>());

        Assert.Equal(
            """{"apiVersion":"storage.latitude.sh/v1alpha1","kind":"ObjectBucket","metadata":{},"spec":{"region":"DAL","storageClass":"standard","versioning":false,"scoped":false,"deletionPolicy":"Retain"}}""",
            output);
    }

    [Theory]
    [InlineData(typeof(ObjectBucketSpec), """{"region":"DAL"}""")]
    [InlineData(typeof(ObjectLockSpec), "{}")]
    [InlineData(typeof(LifecycleRuleSpec), """{"name":"expire","expirationDays":1}""")]
    public void Initializers_OfDefaultedFields_EqualTheSchemaDefaults(Type type, string minimalJson)
    {
        var instance = JsonSerializer.Deserialize(minimalJson, Json.GetTypeInfo(type))!;
        var defaulted = type.GetProperties().Where(p => p.IsDefined(typeof(DefaultValueAttribute))).ToList();

        Assert.NotEmpty(defaulted);
        Assert.All(defaulted, p => Assert.Equal(p.GetCustomAttribute<DefaultValueAttribute>()!.Value, p.GetValue(instance)));
    }
}
