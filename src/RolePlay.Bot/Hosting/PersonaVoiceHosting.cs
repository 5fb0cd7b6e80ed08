using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using RolePlay.Core.Voice;

namespace RolePlay.Bot.Hosting;

/// <summary>The customer's voice: the rule voice always, and the model endpoints of <c>PersonaVoice:*</c> (checked at
/// start-up, each message naming its setting) that a team's manager may choose instead.</summary>
internal static class PersonaVoiceHosting
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersonaVoiceOptions>().Bind(configuration.GetSection(PersonaVoiceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonaVoiceOptions>, Validator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PersonaVoiceOptions>>().Value);
        services.AddSingleton(sp => Endpoints(sp.GetRequiredService<PersonaVoiceOptions>()));
        services.AddSingleton<VoiceBudgetNotice>();
        services.AddSingleton<CustomerWording>();
    }

    private static ModelVoiceEndpoints Endpoints(PersonaVoiceOptions options)
    {
        var own = options.Endpoints.ToDictionary(e => e.Key, e => Client(e.Value, options), StringComparer.OrdinalIgnoreCase);
        var shared = options.Shared is { } endpoint ? Client(endpoint, options) : null;
        return shared is not null || own.Count > 0 ? new ModelVoiceEndpoints(shared, own) : ModelVoiceEndpoints.None;
    }

    /// <summary>The client makes one attempt: the turn's deadline is the only timer, and a 429 is read as a pause for
    /// every turn (<see cref="ThrottleReading"/>) rather than retried inside one.</summary>
    private static IChatClient Client(ModelEndpointOptions endpoint, PersonaVoiceOptions options)
    {
        var network = options.Timeout + TimeSpan.FromSeconds(1);
        var chat = endpoint.Provider == ModelEndpointOptions.AzureOpenAi
            ? AzureClient(endpoint, network).GetChatClient(endpoint.Model)
            // A server on this machine (Ollama, llama.cpp) takes no key, but the client wants one to send.
            : new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(endpoint.ApiKey) ? "none" : endpoint.ApiKey),
                new OpenAIClientOptions { Endpoint = endpoint.Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = network })
                .GetChatClient(endpoint.Model);
        return new ThrottleReading(chat.AsIChatClient());
    }

    private static AzureOpenAIClient AzureClient(ModelEndpointOptions endpoint, TimeSpan network)
    {
        var options = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = network };
        return string.IsNullOrEmpty(endpoint.ApiKey)
            ? new AzureOpenAIClient(endpoint.Endpoint, endpoint.ManagedIdentityClientId is { } id
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned), options)
            : new AzureOpenAIClient(endpoint.Endpoint, new ApiKeyCredential(endpoint.ApiKey), options);
    }

    private sealed class Validator : IValidateOptions<PersonaVoiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersonaVoiceOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

/// <summary>Reads the OpenAI client's 429 (with its Retry-After, in seconds or as a date) as
/// <see cref="ModelThrottledException"/>, the one failure Core treats differently: no turn asks again until it passes.</summary>
internal sealed class ThrottleReading(IChatClient inner) : DelegatingChatClient(inner)
{
    private static readonly TimeSpan Unsaid = TimeSpan.FromSeconds(20);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException e) when (e.Status == 429)
        {
            throw new ModelThrottledException(RetryAfter(e), e);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (ClientResultException e) when (e.Status == 429)
                {
                    throw new ModelThrottledException(RetryAfter(e), e);
                }

                yield return updates.Current;
            }
        }
    }

    private static TimeSpan RetryAfter(ClientResultException e)
    {
        if (e.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true && value is { Length: > 0 })
        {
            if (int.TryParse(value, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                return TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks));
            }
        }

        return Unsaid;
    }
}
