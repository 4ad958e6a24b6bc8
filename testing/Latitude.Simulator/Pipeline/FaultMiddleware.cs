using BucketOperator.Latitude.Simulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using static BucketOperator.Latitude.Simulator.Pipeline.FaultInjector;

namespace BucketOperator.Latitude.Simulator.Pipeline;

internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, SimulatorOptions options, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, options.Time, context.RequestAborted);
        }

        var fault = faults.Take(method, path);
        if (await RefuseAsync(context, fault, method, path))
        {
            return;
        }

        fault ??= faults.RollLatencySpike();
        switch (fault?.Action)
        {
            case FaultAction.RespondAfterCommit:
                await CommitThenRespondAsync(context, fault);
                return;
            case FaultAction.DropResponse:
                await DropAnswerAsync(context, commit: true);
                return;
            case FaultAction.DelayResponse:
                await CommitThenAnswerLateAsync(context, fault.Delay);
                return;
            case FaultAction.DelayCommit:
                await CommitLateAsync(context, fault.Delay);
                return;
            default:
                await next(context);
                return;
        }
    }

    /// <summary>Answers in place of the handler, which never sees the request, when a fault says so; false otherwise.</summary>
    private async Task<bool> RefuseAsync(HttpContext context, ScriptedFault? fault, string method, string path)
    {
        if (fault is { Action: FaultAction.Respond })
        {
            await AnswerAsync(context, fault);
        }
        else if (fault is { Action: FaultAction.RefuseAndDrop })
        {
            await DropAnswerAsync(context, commit: false);
        }
        else if (faults.RollServerError())
        {
            await DocumentedErrors.For(method, path, 500).ExecuteAsync(context);
        }
        else if (faults.RollRateLimited())
        {
            await ApiErrors.RateLimited((int)Math.Ceiling(faults.RateLimitedRetryAfter.TotalSeconds)).ExecuteAsync(context);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Sends a scripted answer: its raw body, or the endpoint's documented error body for its status.</summary>
    private static Task AnswerAsync(HttpContext context, ScriptedFault fault)
    {
        if (fault.Body is null)
        {
            return DocumentedErrors.For(context.Request.Method, context.Request.Path.Value ?? "", fault.Status).ExecuteAsync(context);
        }

        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = JsonApi.ContentType;
        return context.Response.WriteAsync(fault.Body, context.RequestAborted);
    }

    /// <summary>Lets the handler commit, then sends the scripted answer in place of its own.</summary>
    private async Task CommitThenRespondAsync(HttpContext context, ScriptedFault fault)
    {
        await CommitUnansweredAsync(context);
        context.Response.Clear();
        await AnswerAsync(context, fault);
    }

    /// <summary>
    /// Drops the connection before any answer, after the handler committed the request or without letting it see
    /// the request at all: either way the caller cannot tell what happened.
    /// </summary>
    private async Task DropAnswerAsync(HttpContext context, bool commit)
    {
        if (commit)
        {
            await CommitUnansweredAsync(context);
        }
        else
        {
            // A refusing server has read the request: the caller loses the answer, not its upload.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        DroppedAnswer.Drop(context);
    }

    /// <summary>Lets the handler commit and keeps its answer from the wire.</summary>
    private async Task CommitUnansweredAsync(HttpContext context)
    {
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private async Task CommitThenAnswerLateAsync(HttpContext context, TimeSpan delay)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, options.Time, waiting.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up (or the simulator stops): the write stands, unanswered.
            return;
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    private async Task CommitLateAsync(HttpContext context, TimeSpan delay)
    {
        // Read the body now: once the caller has gone, its connection can no longer give it.
        context.Request.EnableBuffering();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Request.Body.Position = 0;
        try
        {
            await Task.Delay(delay, options.Time, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!context.RequestAborted.IsCancellationRequested)
        {
            await next(context);
            return;
        }

        // The caller has gone; the provider finishes anyway, with nobody to cancel it or to answer.
        var aborted = context.RequestAborted;
        context.RequestAborted = CancellationToken.None;
        try
        {
            await CommitUnansweredAsync(context);
        }
        finally
        {
            context.RequestAborted = aborted;
        }
    }
}
