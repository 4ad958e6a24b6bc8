using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Cache;

/// <summary>
/// One informer per kind, shared by every controller that reads or watches that kind (controller-runtime's
/// cache): each kind is listed and watched once, whatever the number of controllers. A second cache of one kind
/// (e.g. Secrets by another label) is asked for by name. Informers requested after <see cref="RunAsync"/> started
/// are started at once.
/// </summary>
public sealed class InformerFactory(IKubernetesClient client, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Kind, string Name), (object Informer, Func<CancellationToken, Task> Run, Func<CancellationToken, Task> WaitForSync, Func<TimeSpan> SinceLastContact)> _informers = [];
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<Task> _running = [];
    private CancellationToken? _runToken;

    /// <summary>
    /// The informer of <typeparamref name="T"/> (or its cache called <paramref name="name"/>), created with
    /// <paramref name="options"/> on first use. Asking again with different options is an error: one name, one cache.
    /// </summary>
    public Informer<T> For<T>(InformerOptions? options = null, string name = "")
        where T : class, IKubernetesObject
    {
        lock (_gate)
        {
            if (_informers.TryGetValue((typeof(T), name), out var existing))
            {
                var informer = (Informer<T>)existing.Informer;
                if (options is not null && !options.SameAs(informer.Options))
                {
                    throw new InvalidOperationException($"The informer of {ResourceType.Of<T>().Kind} already exists with other options.");
                }

                return informer;
            }

            var created = new Informer<T>(client, options, _loggerFactory.CreateLogger<Informer<T>>(), _time);
            _informers[(typeof(T), name)] = (created, created.RunAsync, created.WaitForSyncAsync, () => created.SinceLastContact);
            if (_runToken is { } token)
            {
                _running.Add(created.RunAsync(token));
            }

            return created;
        }
    }

    /// <summary>Runs every informer until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runToken = cancellationToken;
            _running.AddRange(_informers.Values.Select(i => i.Run(cancellationToken)));
        }

        return WaitForAllAsync();
    }

    /// <summary>True when every informer created so far has synced (for a readiness probe).</summary>
    public bool HasSynced
    {
        get
        {
            lock (_gate)
            {
                return _informers.Values.All(i => i.WaitForSync(CancellationToken.None).IsCompletedSuccessfully);
            }
        }
    }

    /// <summary>The longest any informer has gone without hearing from the server (for a liveness probe: a dead watch lets it grow).</summary>
    public TimeSpan LongestSilence
    {
        get
        {
            lock (_gate)
            {
                return _informers.Values.Select(i => i.SinceLastContact()).DefaultIfEmpty(TimeSpan.Zero).Max();
            }
        }
    }

    private async Task WaitForAllAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                running = [.. _running];
            }

            await Task.WhenAll(running);
            lock (_gate)
            {
                if (running.Length == _running.Count)
                {
                    return;
                }
            }
        }
    }
}
