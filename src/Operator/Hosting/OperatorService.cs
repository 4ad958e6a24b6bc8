using Microsoft.Extensions.Hosting;

namespace BucketOperator.Operator.Hosting;

/// <summary>Runs the operator for the host's lifetime; the host's shutdown stops the controller after in-flight reconciles.</summary>
internal sealed class OperatorService(BucketOperatorRuntime runtime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runtime.RunAsync(stoppingToken);
}
