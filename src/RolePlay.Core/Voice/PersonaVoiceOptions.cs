namespace RolePlay.Core.Voice;

/// <summary>Where a model voice's words come from: an OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp's
/// server: <see cref="Endpoint"/> is the base URL that <c>chat/completions</c> is under) or an Azure OpenAI resource
/// (<see cref="Model"/> is the deployment; no <see cref="ApiKey"/> signs in with the managed identity).</summary>
public sealed class ModelEndpointOptions
{
    public string? Provider { get; set; }

    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>A user-assigned managed identity's client id (Azure only); none uses the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public const string OpenAi = "OpenAI";
    public const string AzureOpenAi = "AzureOpenAI";

    internal IEnumerable<string> Problems(string path)
    {
        if (Provider is not (OpenAi or AzureOpenAi))
        {
            yield return $"{path}:Provider must be {OpenAi} or {AzureOpenAi}, got '{Provider}'.";
        }

        if (Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme is not ("https" or "http"))
        {
            yield return $"{path}:Endpoint must be an absolute http(s) URL (the server's base URL, as https://host/v1).";
        }
        else if (endpoint.Scheme == "http" && !endpoint.IsLoopback)
        {
            yield return $"{path}:Endpoint must use https unless it is this machine ({endpoint}): the practice transcript travels in it.";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{path}:Model must name the model (or, on Azure OpenAI, the deployment).";
        }

        if (Provider == OpenAi && string.IsNullOrWhiteSpace(ApiKey) && Endpoint is { IsLoopback: false })
        {
            yield return $"{path}:ApiKey is needed for an OpenAI-compatible server that is not on this machine.";
        }
    }
}

/// <summary><c>PersonaVoice:*</c>: the shared model endpoint (<c>Provider</c>, <c>Endpoint</c>, <c>Model</c>,
/// <c>ApiKey</c>), any team's own (<c>PersonaVoice:Endpoints:{name}:*</c>), and how each turn's call is held: a
/// deadline, the temperature, a cap on the reply's tokens and a daily token budget per team. With no endpoint at all,
/// every team has the rule voice and the model choice is not offered.</summary>
public sealed class PersonaVoiceOptions
{
    public const string Section = "PersonaVoice";

    public string? Provider { get; set; }

    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public Dictionary<string, ModelEndpointOptions> Endpoints { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A turn's model call past this gets the rule voice's line instead; the turn is not lost.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(6);

    public float Temperature { get; set; } = 0.8f;

    public int MaxOutputTokens { get; set; } = 200;

    /// <summary>Tokens (prompt and reply) a team may use per day, in the team's time zone; then the rule voice answers.</summary>
    public long DailyTokenBudget { get; set; } = 200_000;

    /// <summary>The shared endpoint's settings, when there is one.</summary>
    public ModelEndpointOptions? Shared => Provider is null && Endpoint is null && Model is null && ApiKey is null
        ? null
        : new ModelEndpointOptions { Provider = Provider, Endpoint = Endpoint, Model = Model, ApiKey = ApiKey, ManagedIdentityClientId = ManagedIdentityClientId };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Shared is { } shared)
        {
            problems.AddRange(shared.Problems(Section));
        }

        foreach (var (name, endpoint) in Endpoints)
        {
            if (!TeamEndpointName.IsValid(name))
            {
                problems.Add($"{Section}:Endpoints:{name}: a name is 1–40 letters, digits or dashes.");
            }

            problems.AddRange(endpoint.Problems($"{Section}:Endpoints:{name}"));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(60))
        {
            problems.Add($"{Section}:Timeout must be above zero and at most 60 seconds, got {Timeout}.");
        }

        if (Temperature is < 0 or > 2)
        {
            problems.Add($"{Section}:Temperature must be between 0 and 2, got {Temperature}.");
        }

        if (MaxOutputTokens is < 16 or > 4096)
        {
            problems.Add($"{Section}:MaxOutputTokens must be between 16 and 4096, got {MaxOutputTokens}.");
        }

        if (DailyTokenBudget < 0)
        {
            problems.Add($"{Section}:DailyTokenBudget must be 0 (no model turns) or more, got {DailyTokenBudget}.");
        }

        return problems;
    }
}

/// <summary>The name a team's own endpoint is configured and chosen under.</summary>
public static class TeamEndpointName
{
    public static bool IsValid(string? name) =>
        name is { Length: >= 1 and <= 40 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
