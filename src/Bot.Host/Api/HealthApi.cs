using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Api;

/// <summary><c>GET /healthz</c>: 200 <c>{"status":"ok"}</c> when the database answers, 503 otherwise (for a load balancer or systemd).</summary>
internal static class HealthApi
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> CheckAsync(
        IDbContextFactory<PosyanduDb> databases, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var db = await databases.CreateDbContextAsync(timeout.Token);
            if (await db.Database.CanConnectAsync(timeout.Token))
            {
                return TypedResults.Ok(new HealthStatus("ok"));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning("Pemeriksaan database gagal: {Error}", exception.GetType().Name);
        }

        return TypedResults.Json(new HealthStatus("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthStatus(string Status);
