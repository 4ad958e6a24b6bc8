using System.Runtime.CompilerServices;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;

namespace BucketOperator.Kubernetes.Tests.Unit;

/// <summary>
/// An <see cref="IKubernetesClient"/> whose watch connections follow a script: each connection yields some
/// events, then ends cleanly or fails. Only watching is supported; it records where each connection started.
/// </summary>
internal sealed class ScriptedWatchClient<T>(TimeProvider time, params ScriptedWatchClient<T>.Connection[] script) : IKubernetesClient
    where T : class, IKubernetesObject
{
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;

    public List<string?> StartedFrom { get; } = [];

    /// <summary>Completes when a connection first goes silent (a scripted hang, or the end of the script).</summary>
    public Task Hanging => _hanging.Task;

    /// <summary>The clock's time at each connection start.</summary>
    public List<DateTimeOffset> StartedAt { get; } = [];

    /// <summary>The clock's time at each scripted failure.</summary>
    public List<DateTimeOffset> FailedAt { get; } = [];

    public async IAsyncEnumerable<WatchEvent<TOut>> WatchAsync<TOut>(string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject
    {
        StartedFrom.Add(options?.ResourceVersion);
        StartedAt.Add(time.GetUtcNow());
        if (_next >= script.Length)
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var connection = script[_next++];
        foreach (var e in connection.Events)
        {
            await Task.Yield();
            yield return (WatchEvent<TOut>)(object)e;
        }

        if (connection.Lasts > TimeSpan.Zero)
        {
            await Task.Delay(connection.Lasts, time, cancellationToken);
        }

        if (connection.Failure is not null)
        {
            FailedAt.Add(time.GetUtcNow());
            throw connection.Failure;
        }

        if (connection.Hangs)
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public Task<TOut?> GetAsync<TOut>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<KubernetesList<TOut>> ListAsync<TOut>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<TOut> CreateAsync<TOut>(TOut obj, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<TOut> ReplaceAsync<TOut>(TOut obj, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<TOut> PatchAsync<TOut>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<TOut> ReplaceStatusAsync<TOut>(TOut obj, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<TOut> PatchStatusAsync<TOut>(string name, string? @namespace, Patch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    public Task<bool> DeleteAsync<TOut>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where TOut : class, IKubernetesObject => throw new NotSupportedException();

    /// <param name="Hangs">After its events the connection stays open and silent, as a half-open TCP connection does.</param>
    /// <param name="Lasts">After its events the connection stays open this long (on the fake clock) before it ends or fails.</param>
    internal sealed record Connection(IReadOnlyList<WatchEvent<T>> Events, Exception? Failure = null, bool Hangs = false, TimeSpan Lasts = default);
}
