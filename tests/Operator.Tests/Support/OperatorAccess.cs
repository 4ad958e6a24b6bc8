using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Config;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Models.Core;
using BucketOperator.Kubernetes.Serialization;
using BucketOperator.Operator.Hosting;
using BucketOperator.TestSupport;

namespace BucketOperator.Operator.Tests.Support;

/// <summary>
/// Installs config/crd and config/rbac as shipped, then gives a client that acts as the operator's service
/// account: the operator under test has exactly the rights the manifests grant, no more.
/// </summary>
internal static class OperatorAccess
{
    private const string Namespace = "latitude-system";
    private const string ServiceAccount = "latitude-bucket-operator";
    private static readonly JsonSerializerOptions Json = KubernetesJson.Create(RbacJsonContext.Default);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static KubernetesClientConfiguration? _configuration;

    public static async Task<KubernetesClientConfiguration> ConfigureAsync(ControlPlane plane)
    {
        await Once.WaitAsync();
        try
        {
            return _configuration ??= await InstallAsync(plane);
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<KubernetesClientConfiguration> InstallAsync(ControlPlane plane)
    {
        using var admin = plane.CreateClient(Json);
        await ManifestInstaller.InstallCrdAsync(admin, ManifestInstaller.ObjectBucketCrdPath);
        await IgnoreExistingAsync(() => admin.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = Namespace } }));
        foreach (var file in Directory.GetFiles(YamlManifests.RepositoryPath("config", "rbac"), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            foreach (var document in YamlManifests.Load(file))
            {
                await CreateAsync(admin, document);
            }
        }

        var token = await WaitForTokenAsync(admin);
        var admins = plane.Configuration();
        return admins with { Token = token, TokenFile = null, ClientCertificate = null };
    }

    private static Task CreateAsync(KubernetesClient admin, JsonObject document) => document["kind"]!.GetValue<string>() switch
    {
        "ServiceAccount" => IgnoreExistingAsync(() => admin.CreateAsync(document.Deserialize<ServiceAccountDocument>(Json)!)),
        "ClusterRole" => IgnoreExistingAsync(() => admin.CreateAsync(document.Deserialize<ClusterRoleDocument>(Json)!)),
        "ClusterRoleBinding" => IgnoreExistingAsync(() => admin.CreateAsync(document.Deserialize<ClusterRoleBindingDocument>(Json)!)),
        "Role" => IgnoreExistingAsync(() => admin.CreateAsync(document.Deserialize<RoleDocument>(Json)!)),
        "RoleBinding" => IgnoreExistingAsync(() => admin.CreateAsync(document.Deserialize<RoleBindingDocument>(Json)!)),
        var kind => throw new InvalidOperationException($"config/rbac holds a {kind}, which this test does not know how to install"),
    };

    /// <summary>kube-controller-manager's token controller gives the service account a token Secret.</summary>
    private static async Task<string> WaitForTokenAsync(KubernetesClient admin)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var secrets = await admin.ListAsync<Secret>(Namespace);
            var token = secrets.Items.FirstOrDefault(s => s.Type == "kubernetes.io/service-account-token"
                && s.Metadata.Annotations?.TryGetValue("kubernetes.io/service-account.name", out var name) == true && name == ServiceAccount);
            if (token?.Data?.TryGetValue("token", out var value) == true)
            {
                return Encoding.UTF8.GetString(value);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no token Secret for service account {Namespace}/{ServiceAccount}: is kube-controller-manager's serviceaccount-token controller running?");
    }

    private static async Task IgnoreExistingAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Installed by an earlier test class on this control plane.
        }
    }

    internal static JsonSerializerOptions OperatorJson => BucketOperatorRuntime.Json;
}
