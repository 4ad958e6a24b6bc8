using BucketOperator.ControlPlane;
using BucketOperator.Latitude.Simulator;
using BucketOperator.Latitude.Simulator.State;

namespace BucketOperator.LocalEnvironment;

/// <summary>Where everything runs and how to use it, printed once the samples are reported.</summary>
internal static class Instructions
{
    public static string Format(LocalControlPlane plane, LatitudeSimulator simulator, string kubeconfig)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), kubeconfig);
        var objectBuckets = new Uri(plane.Server, "/apis/storage.latitude.sh/v1alpha1/namespaces/default/objectbuckets");
        var curl = $"curl --cacert {plane.CaCertificatePath} -H 'Authorization: Bearer {LocalControlPlane.AdminToken}'";
        return $"""

            Local environment is up ({plane.Version}).
              Kubernetes API:  {plane.Server}   (etcd {plane.EtcdEndpoint}; logs in {plane.Directory})
              kubeconfig:      {kubeconfig}   (cluster admin)
              Latitude API:    {simulator.BaseAddress}   token {SimulatorSeed.Token}, project {SimulatorSeed.Project}
              S3 (s3rver):     {simulator.S3Endpoint}
              Operator:        in this process, as service account {OperatorInstallation.Namespace}/{OperatorInstallation.ServiceAccount} (config/rbac), every namespace

            Try (kubectl: hack/run-local.sh installs Debian's kubernetes-client when none is on PATH):
              kubectl --kubeconfig {relative} get lob
              kubectl --kubeconfig {relative} apply -f my-bucket.yaml
              kubectl --kubeconfig {relative} describe lob team-assets
            Without kubectl, the API server takes YAML as it is:
              {curl} {objectBuckets}
              {curl} -X POST -H 'Content-Type: application/yaml' --data-binary @my-bucket.yaml {objectBuckets}
            The simulator, as Latitude's API:
              curl -H 'Authorization: {SimulatorSeed.Token}' {simulator.BaseAddress}storage/buckets

            Press Ctrl+C to stop and remove everything.

            """;
    }
}
