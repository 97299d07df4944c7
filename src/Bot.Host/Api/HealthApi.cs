using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// <c>GET /healthz</c> for a load balancer or systemd: the database, its migrations and the job storage, each named with
/// its status; 200 when all are healthy, 503 when one fails. No key is needed and no data is shown.
/// </summary>
internal static class HealthApi
{
    public const string Path = "/healthz";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IHealthChecksBuilder AddPosyanduHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: Timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", timeout: Timeout)
            .AddCheck<JobStorageHealthCheck>("jobs", timeout: Timeout);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthBody(
            ApiNames.Of(report.Status),
            [.. report.Entries.Select(e => new HealthEntry(e.Key, ApiNames.Of(e.Value.Status), Why(e.Value)))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }

    // An exception's message may hold a host name or a path; its type says enough here, the log has the rest.
    private static string? Why(HealthReportEntry entry) => entry.Exception is { } exception ? exception.GetType().Name : entry.Description;
}

/// <summary>The body of <c>/healthz</c>: the overall status and each check's.</summary>
internal sealed record HealthBody(string Status, IReadOnlyList<HealthEntry> Checks);

/// <summary>One health check: its name, status and, when it failed, why (never a stack trace).</summary>
internal sealed record HealthEntry(string Name, string Status, string? Description);
