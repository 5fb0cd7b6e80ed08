using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

/// <summary>Hostile and broken bodies always end in a 4xx (never a 5xx) and never reach the router. Local mode lets
/// the bodies that parse reach the field checks behind authentication.</summary>
public sealed class MalformedBodyTests : IAsyncLifetime
{
    private const string Url = "http://127.0.0.1:9/";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartLocalAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Valid(Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var activity = Activities.Message(Url, "hello");
        change(activity);
        return activity.ToJsonString();
    }

    public static TheoryData<string, string> Bodies() => new()
    {
        { "empty", "" },
        { "whitespace", "   \n " },
        { "null", "null" },
        { "number", "42" },
        { "string", "\"message\"" },
        { "true", "true" },
        { "array", "[]" },
        { "array of activity", "[" + Valid(_ => { }) + "]" },
        { "empty object", "{}" },
        { "truncated", "{\"type\":\"message\",\"text\":\"hel" },
        { "trailing garbage", Valid(_ => { }) + "}}" },
        { "single quotes", "{'type':'message'}" },
        { "comment", "{/* hi */\"type\":\"message\"}" },
        { "trailing comma", "{\"type\":\"message\",}" },
        { "unquoted key", "{type:\"message\"}" },
        { "type null", "{\"type\":null}" },
        { "type empty", "{\"type\":\"\"}" },
        { "type number", "{\"type\":5}" },
        { "type object", "{\"type\":{}}" },
        { "type array", "{\"type\":[\"message\"]}" },
        { "missing type", Valid(a => a.Remove("type")) },
        { "from is a string", Valid(a => a["from"] = "29:user") },
        { "conversation is an array", Valid(a => a["conversation"] = new System.Text.Json.Nodes.JsonArray()) },
        { "text is a number", Valid(a => a["text"] = 5) },
        { "entities is an object", Valid(a => a["entities"] = new System.Text.Json.Nodes.JsonObject()) },
        { "membersAdded is a string", Valid(a => a["membersAdded"] = "bot") },
        { "tenant id a lone surrogate in channelData", Valid(a => a["channelData"] = System.Text.Json.Nodes.JsonNode.Parse("{\"tenant\":{\"id\":\"LONE\"}}")).Replace("\"LONE\"", "\"\\ud800\"", StringComparison.Ordinal) },
        { "team id over 256 characters", Valid(a => a["channelData"] = new System.Text.Json.Nodes.JsonObject { ["team"] = new System.Text.Json.Nodes.JsonObject { ["id"] = new string('t', 300) } }) },
        { "replyToId with a NUL", Valid(a => a["replyToId"] = "1\u00002") },
        { "entities with a null entry", Valid(a => a["entities"] = new System.Text.Json.Nodes.JsonArray(null, null)) },
        { "attachments with a null entry", Valid(a => a["attachments"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null)) },
        { "membersAdded with a null entry", Valid(a => { a["type"] = "conversationUpdate"; a["membersAdded"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); }) },
        { "reactionsAdded with a null entry", Valid(a => { a["type"] = "messageReaction"; a["replyToId"] = "1"; a["reactionsAdded"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); }) },
        { "timestamp not a date", Valid(a => a["timestamp"] = "yesterday") },
        { "isGroup is a string", Valid(a => a["conversation"]!["isGroup"] = "yes") },
        { "missing from", Valid(a => a.Remove("from")) },
        { "from without id", Valid(a => a["from"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "x" }) },
        { "missing recipient", Valid(a => a.Remove("recipient")) },
        { "missing conversation", Valid(a => a.Remove("conversation")) },
        { "conversation id null", Valid(a => a["conversation"]!["id"] = null) },
        { "missing tenant", Valid(a => { a.Remove("channelData"); a["conversation"]!.AsObject().Remove("tenantId"); }) },
        { "missing serviceUrl", Valid(a => a.Remove("serviceUrl")) },
        { "from id over 256 characters", Valid(a => a["from"]!["id"] = "29:" + new string('x', 300)) },
        { "from id with NUL", Valid(a => a["from"]!["id"] = "29:a\u0000b") },
        { "aadObjectId blank", Valid(a => a["from"]!["aadObjectId"] = " ") },
        { "conversation id over 256 characters", Valid(a => a["conversation"]!["id"] = "a:" + new string('y', 300)) },
        { "tenant id with a line break", Valid(a => { a["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "t\n1" } }; a["conversation"]!["tenantId"] = "t\n1"; }) },
        { "reaction without replyToId", ReactionWithoutReplyTo() },
        { "invoke without action", Invoke("{}") },
        { "invoke action is a string", Invoke("{\"action\":\"Action.Execute\"}") },
        { "deep nesting", "{\"type\":\"message\",\"value\":" + new string('[', 5000) + new string(']', 5000) + "}" },
        { "deep object nesting", "{\"type\":\"message\",\"channelData\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}" },
        { "lone surrogate escape", "{\"type\":\"message\",\"text\":\"\\ud800\"}" },
        { "invalid escape", "{\"type\":\"message\",\"text\":\"\\q\"}" },
        { "control character", "{\"type\":\"message\",\"text\":\"a\u0001b\"}" },
        { "NaN", "{\"type\":\"message\",\"conversation\":{\"isGroup\":NaN}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_gets_a_4xx_and_is_not_processed(string name, string body)
    {
        var response = await _bot.PostAsync(body);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: got {(int)response.StatusCode}");
        Assert.Empty(_bot.Router.Events);
    }

    [Fact]
    public async Task Invalid_UTF8_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"X\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var response = await PostBytesAsync(bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Latin1_encoded_text_is_a_400()
    {
        // JsonNode escapes non-ASCII, so put the raw é back before encoding as Latin-1 (one byte 0xE9).
        var bytes = Encoding.Latin1.GetBytes(Valid(a => a["text"] = "café").Replace("\\u00E9", "é", StringComparison.Ordinal));
        Assert.Contains((byte)0xE9, bytes);

        var response = await PostBytesAsync(bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Router.Events);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var response = await _bot.PostAsync(Valid(a => a["text"] = new string('x', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Router.Events);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413()
    {
        var huge = Encoding.UTF8.GetBytes(Valid(a => a["text"] = new string('x', 300 * 1024)));
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        var response = await _bot.Client.GetAsync(new Uri("api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_fields_are_tolerated()
    {
        var response = await _bot.PostAsync(Valid(a =>
        {
            a["brandNewField"] = new System.Text.Json.Nodes.JsonObject { ["nested"] = 1 };
            a["from"]!["somethingElse"] = true;
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Router.Events);
    }

    private Task<HttpResponseMessage> PostBytesAsync(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _bot.Client.PostAsync(new Uri("api/messages", UriKind.Relative), content);
    }

    private static string ReactionWithoutReplyTo()
    {
        var activity = Activities.Reaction(Url, ["like"], []);
        activity.Remove("replyToId");
        return activity.ToJsonString();
    }

    private static string Invoke(string value)
    {
        var activity = Activities.Base("invoke", Url);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return activity.ToJsonString();
    }
}
