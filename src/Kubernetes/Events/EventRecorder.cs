using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BucketOperator.Kubernetes.Client;
using BucketOperator.Kubernetes.Models;
using BucketOperator.Kubernetes.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BucketOperator.Kubernetes.Events;

/// <summary>
/// Writes core/v1 Events the way <c>kubectl describe</c> shows them, folding repeats into one Event: the same
/// (object UID, type, reason, message) within <see cref="EventRecorderOptions.AggregationWindow"/> raises the
/// count and lastTimestamp of one deterministically named Event. Recent events are remembered, so a repeat is a
/// single PATCH; an Event this process does not remember (a restart, another replica) is found by its name when
/// the create answers AlreadyExists. Thread-safe; share one per process.
/// </summary>
public sealed class EventRecorder(IKubernetesClient client, EventRecorderOptions options, ILogger<EventRecorder>? logger = null, TimeProvider? time = null)
    : IEventRecorder
{
    private static readonly KubernetesTimeConverter TimeFormat = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly RecentEvents _recent = new(options.CacheSize);

    public async Task RecordAsync<T>(T involved, EventType type, string reason, string message, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        var tags = new TagList { { "type", type.ToString() }, { "reason", reason } };
        var kind = ResourceType.Of<T>().Kind;
        try
        {
            var template = Template(involved, type, reason, EventIdentity.Truncate(message));
            var key = $"{template.Metadata.NamespaceProperty}/{template.Metadata.Name}";
            var now = _time.GetUtcNow();
            var (series, known) = _recent.Observe(key, now, options.AggregationWindow);
            var written = await WriteAsync(template, series, known, now, cancellationToken);
            if (written != series)
            {
                // Continued from the server's copy. Otherwise memory is left alone: a concurrent repeat may have counted past us.
                _recent.Set(key, written);
            }

            EventMetrics.Written.Add(1, tags);
            Log.Recorded(_logger, type == EventType.Warning ? LogLevel.Warning : LogLevel.Information, type, reason, kind, involved.Metadata.NamespaceProperty, involved.Metadata.Name, template.Message!, written.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            EventMetrics.Failed.Add(1, tags);
            Log.Dropped(_logger, e, type, reason, kind, involved.Metadata.NamespaceProperty, involved.Metadata.Name);
        }
    }

    /// <returns>The series as the server now has it.</returns>
    private async Task<EventSeries> WriteAsync(Corev1Event template, EventSeries series, bool known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (name, @namespace) = (template.Metadata.Name!, template.Metadata.NamespaceProperty);
        if (known)
        {
            try
            {
                await PatchSeriesAsync(name, @namespace, series, cancellationToken);
                return series;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                // The server's event TTL (1 h by default) removed it: write it again.
            }
        }

        try
        {
            await client.CreateAsync(template with { Count = series.Count, FirstTimestamp = series.First.UtcDateTime, LastTimestamp = series.Last.UtcDateTime }, cancellationToken);
            return series;
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Written by an earlier process or another replica: continue the series the server has.
            var existing = await client.GetAsync<Corev1Event>(name, @namespace, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            var continued = new EventSeries(existing.Count ?? 1, Utc(existing.FirstTimestamp) ?? now, Utc(existing.LastTimestamp) ?? now).Next(now, options.AggregationWindow);
            await PatchSeriesAsync(name, @namespace, continued, cancellationToken);
            return continued;
        }
    }

    private Task<Corev1Event> PatchSeriesAsync(string name, string? @namespace, EventSeries series, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", series.Count);
            writer.WritePropertyName("firstTimestamp");
            TimeFormat.Write(writer, series.First, KubernetesJson.Default);
            writer.WritePropertyName("lastTimestamp");
            TimeFormat.Write(writer, series.Last, KubernetesJson.Default);
            writer.WriteEndObject();
        }

        return client.PatchAsync<Corev1Event>(name, @namespace, Patch.Merge(Encoding.UTF8.GetString(buffer.ToArray())), cancellationToken: cancellationToken);
    }

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private Corev1Event Template<T>(T involved, EventType type, string reason, string message)
        where T : class, IKubernetesObject
    {
        var metadata = involved.Metadata;
        var name = metadata.Name ?? throw new ArgumentException("The involved object has no metadata.name.", nameof(involved));
        return new Corev1Event
        {
            // Events about cluster-scoped objects live in "default", as the API requires.
            Metadata = new V1ObjectMeta
            {
                Name = EventIdentity.Name(name, ResourceType.Of<T>().ApiVersion, ResourceType.Of<T>().Kind, metadata.NamespaceProperty, name, metadata.Uid, type.ToString(), reason, message, options.Component),
                NamespaceProperty = metadata.NamespaceProperty ?? "default",
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = ResourceType.Of<T>().ApiVersion,
                Kind = ResourceType.Of<T>().Kind,
                NamespaceProperty = metadata.NamespaceProperty,
                Name = name,
                Uid = metadata.Uid,
                ResourceVersion = metadata.ResourceVersion,
            },
            Type = type.ToString(),
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = options.Component },
            ReportingComponent = options.Component,
            ReportingInstance = options.Instance,
        };
    }
}
