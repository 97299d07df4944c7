using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;

namespace Posyandu.Bot.Host.Api;

/// <summary>Lets a request through only with header <c>X-Api-Key</c> equal to <c>Admin:ApiKey</c>; an empty key refuses all.</summary>
internal sealed class ApiKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[Header];
        if (presented.Count != 1 || !Secrets.Matches(presented[0], options.CurrentValue.ApiKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: $"Sertakan header {Header} dengan kunci API yang benar.");
        }

        return await next(context);
    }
}

/// <summary>Marks the endpoints behind <see cref="ApiKeyFilter"/>, so the OpenAPI document declares the key on exactly those.</summary>
internal sealed class RequiresApiKey
{
    public static readonly RequiresApiKey Instance = new();
}

/// <summary>Puts a route group behind the API key.</summary>
internal static class ApiKeyExtensions
{
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<ApiKeyFilter>().WithMetadata(RequiresApiKey.Instance).ProducesProblem(StatusCodes.Status401Unauthorized);
}
