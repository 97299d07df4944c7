using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Posyandu.Bot.Host.Api;

/// <summary>Declares the <c>X-Api-Key</c> header scheme in the OpenAPI document and requires it on every operation behind <see cref="ApiKeyFilter"/>.</summary>
internal sealed class ApiKeyScheme : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Name = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Posyandu.Bot API";
        document.Info.Description = "Laporan kader Posyandu dan rujukannya, untuk sistem lain dan dasbor. Semua /api/* memerlukan header X-Api-Key.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.Header,
            Description = "Kunci dari pengaturan Admin:ApiKey.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKey>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
