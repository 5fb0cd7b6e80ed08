using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RolePlay.Studio.Http;

/// <summary>Every studio write is checked the same way before it reaches the router: the antiforgery header (a page
/// of another origin cannot set it without a CORS preflight the bot never grants; the SameSite=Strict cookie is the
/// second lock), a same-origin Origin when the browser sends one, JSON content, a size limit, and a body that maps
/// exactly onto the request type. Each refusal is a problem details document that says what to change.</summary>
public static class StudioRequests
{
    public const string AntiforgeryHeader = "X-RolePlay-Studio";
    public const int MaxBodyBytes = 16 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<(T? Body, IResult? Refusal)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (CheckOrigin(context) is { } refused)
        {
            return (null, refused);
        }

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON",
                "The body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        if (read > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, read), Json) is { } body
                ? (body, null)
                : (null, Invalid("The body is JSON null; send an object."));
        }
        catch (JsonException e)
        {
            return (null, Invalid($"The body is not the JSON this endpoint takes: {e.Message}"));
        }
    }

    /// <summary>The antiforgery and origin checks alone (for writes without a body).</summary>
    public static IResult? CheckOrigin(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers[AntiforgeryHeader] != "1")
        {
            return Problem(StatusCodes.Status403Forbidden, "Missing antiforgery header",
                $"Studio writes must carry the header {AntiforgeryHeader}: 1 (the studio's own pages send it).");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status403Forbidden, "Cross-origin request refused",
                $"Requests from {origin} may not act in the studio.");
        }

        return null;
    }

    public static IResult Invalid(string detail) => Problem(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "Request too large",
        $"A studio request may be at most {MaxBodyBytes / 1024} KB.");
}
