using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.LeaderElection;
using BucketOperator.Operator.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BucketOperator.Operator.Hosting;

/// <summary>
/// Runs the operator for the host's lifetime, under leader election when <c>--leader-elect</c> is set. Shutdown
/// (SIGTERM) stops taking work, lets in-flight reconciles finish (or cancels them after the controller's grace),
/// then releases the lease. A lost lease or a controller that stopped on its own ends the process with exit
/// code 1, as controller-runtime does: the kubelet restarts it as a fresh candidate.
/// </summary>
internal sealed partial class OperatorService(
    BucketOperatorRuntime runtime,
    OperatorHealth health,
    OperatorOptions options,
    IKubernetesClient client,
    TimeProvider time,
    ILoggerFactory loggers,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>controller-runtime's convention: the lease is named after the operator's domain.</summary>
    public const string LeaseName = "bucket-operator.storage.latitude.sh";

    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    private readonly ILogger _logger = loggers.CreateLogger<OperatorService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LeaderElector? elector = null;
        if (options.LeaderElect)
        {
            var election = new LeaderElectionOptions { LeaseName = LeaseName, LeaseNamespace = LeaseNamespace(options) };
            elector = new LeaderElector(client, election, time, loggers.CreateLogger<LeaderElector>());
            LogCampaigning(_logger, election.LeaseNamespace, election.LeaseName, elector.Identity);
        }

        try
        {
            await runtime.RunAsync(stoppingToken, elector);
            if (!stoppingToken.IsCancellationRequested)
            {
                Exit("leadership lost", null);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            Exit("the operator stopped on an error", e);
        }
    }

    /// <summary>The flag, else the namespace the pod runs in, else latitude-system (SPEC).</summary>
    private static string LeaseNamespace(OperatorOptions options) =>
        options.LeaderElectionNamespace
        ?? (File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile).Trim() : null)
        ?? "latitude-system";

    private void Exit(string reason, Exception? error)
    {
        LogExiting(_logger, error, reason);
        health.Fail(reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(3100, LogLevel.Information, "Campaigning for lease {LeaseNamespace}/{LeaseName} as {Identity}")]
    private static partial void LogCampaigning(ILogger logger, string leaseNamespace, string leaseName, string identity);

    [LoggerMessage(3101, LogLevel.Critical, "Exiting: {Reason}")]
    private static partial void LogExiting(ILogger logger, Exception? error, string reason);
}
