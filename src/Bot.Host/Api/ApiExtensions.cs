using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// The HTTP API as one area: RFC 9457 problem details for every error, the OpenAPI document at <c>/openapi/v1.json</c>
/// with a browsable page at <c>/api/docs</c> (both public: they describe the API and reveal no data), the reports API
/// behind the key, and <c>/healthz</c>.
/// </summary>
internal static class ApiExtensions
{
    public const string DocsPath = "/api/docs";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A value that cannot be bound throws (also in production), so ApiExceptionHandler can answer naming the parameter.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(ApiNames.Policy, allowIntegerValues: false)));
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeyScheme>();
            options.AddOperationTransformer<ApiKeyScheme>();
            options.AddSchemaTransformer<ApiVocabularySchemas>();
        });
        services.AddPosyanduHealthChecks();
        return builder;
    }

    /// <summary>Errors as problem details: an exception becomes a 500 without a stack trace, a bare 4xx gets a body.</summary>
    public static WebApplication UseProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(DocsPath, options => options.WithTitle("Posyandu.Bot API"));
        app.MapReportsApi();
        app.MapRemindersApi();
        app.MapRoutingApi();
        app.MapHealth();
        return app;
    }
}
