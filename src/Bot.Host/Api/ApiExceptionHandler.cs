using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// Turns a request the framework could not bind (a query value of the wrong type, an unknown bidang or status, a bad date)
/// into a 400 validation problem naming the parameter; every other exception is left to the default 500 problem, which
/// carries no stack trace.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // The framework's message names the parameter: Failed to bind parameter "int? page" from "dua".
        var name = BoundParameter().Match(bad.Message) is { Success: true } match ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : null;
        var detail = name is null ? "Permintaan tidak dapat dibaca." : $"Nilai parameter '{name}' tidak dapat dibaca.";
        var problem = new HttpValidationProblemDetails(name is null ? new Dictionary<string, string[]>() : new() { [name] = [ApiParameterHints.For(name)] })
        {
            Status = bad.StatusCode,
            Detail = detail,
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)"\s""")]
    private static partial Regex BoundParameter();
}
