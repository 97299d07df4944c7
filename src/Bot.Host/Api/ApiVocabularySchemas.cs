using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Api;

/// <summary>Lists the allowed values of the API's closed sets in the document: bidang codes and <see cref="Choice{T}"/> parameters.</summary>
internal sealed class ApiVocabularySchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        // A parameter bound with TryParse is described as a string, so its own type comes from the parameter.
        var declared = context.ParameterDescription?.Type ?? context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(BidangCode) || IsBidangProperty(context))
        {
            Enumerate(schema, BidangCode.All);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Choice<>))
        {
            var names = typeof(ApiNames).GetMethod(nameof(ApiNames.All))!.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, null);
            Enumerate(schema, (IReadOnlyList<string>)names!);
        }
        else if (type == typeof(DateOrTime))
        {
            schema.Type = JsonSchemaType.String;
            schema.Examples = [JsonValue.Create("2025-11-01")];
        }

        return Task.CompletedTask;
    }

    private static bool IsBidangProperty(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo is { Name: "bidang" } property && property.DeclaringType.Namespace == typeof(ReportPage).Namespace;

    private static void Enumerate(OpenApiSchema schema, IReadOnlyList<string> values)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
    }
}
