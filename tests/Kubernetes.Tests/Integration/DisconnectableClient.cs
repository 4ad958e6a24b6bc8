using System.Runtime.CompilerServices;
using BucketOperator.ControlPlane;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.TestSupport;

namespace BucketOperator.Kubernetes.Tests.Integration;

/// <summary>
/// A real client whose watches can be cut as a network partition would (open streams fail with an
/// IOException, new ones wait until reconnected), and whose lists can be made to fail once.
/// </summary>
internal sealed class DisconnectableClient(IKubernetesClient inner) : DelegatingKubernetesClient(inner), IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _connection = new();
    private TaskCompletionSource _connected = Connected();

    public int Watches { get; private set; }

    /// <summary>When set, the list call with this (1-based) number throws it instead of reaching the server.</summary>
    public (int Call, Exception Failure)? ListFailure { get; set; }

    public int Lists { get; private set; }

    public void Disconnect()
    {
        lock (_gate)
        {
            _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connection.Cancel();
            _connection.Dispose();
            _connection = new CancellationTokenSource();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    public void Reconnect()
    {
        lock (_gate)
        {
            _connected.TrySetResult();
        }
    }

    public override async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Task connected;
        lock (_gate)
        {
            connected = _connected.Task;
        }

        await connected.WaitAsync(cancellationToken);
        CancellationToken partition;
        lock (_gate)
        {
            partition = _connection.Token;
            Watches++;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, partition);
        await using var events = Inner.WatchAsync<T>(@namespace, options, linked.Token).GetAsyncEnumerator(linked.Token);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (partition.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new IOException("connection cut by the test");
            }

            yield return events.Current;
        }
    }

    public override Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Lists++;
        return ListFailure is { } failure && failure.Call == Lists
            ? Task.FromException<KubernetesList<T>>(failure.Failure)
            : Inner.ListAsync<T>(@namespace, options, cancellationToken);
    }

    private static TaskCompletionSource Connected()
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connected.SetResult();
        return connected;
    }
}
