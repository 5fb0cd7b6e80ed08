using RolePlay.Core.Voice;

namespace RolePlay.Core.Tests.Voice;

/// <summary>Each bad setting is named in its own message, so a start-up refusal says what to fix.</summary>
public sealed class PersonaVoiceOptionsTests
{
    [Fact]
    public void No_endpoint_at_all_is_valid_and_offers_the_rule_voice_only()
    {
        var options = new PersonaVoiceOptions();

        Assert.Empty(options.Validate());
        Assert.Null(options.Shared);
    }

    [Fact]
    public void A_shared_endpoint_and_a_teams_own_are_checked_each_under_its_own_setting()
    {
        var options = new PersonaVoiceOptions
        {
            Provider = "Gemini",
            Endpoint = new Uri("http://models.example.com/v1"),
            Endpoints = { ["ours"] = new ModelEndpointOptions { Provider = "OpenAI", Endpoint = new Uri("https://llm.example.com/v1") }, ["bad name!"] = new() },
            Timeout = TimeSpan.FromMinutes(5),
            Temperature = 3,
            MaxOutputTokens = 2,
            DailyTokenBudget = -1,
        };

        var problems = options.Validate();

        Assert.Contains("PersonaVoice:Provider must be OpenAI or AzureOpenAI, got 'Gemini'.", problems);
        Assert.Contains(problems, p => p.StartsWith("PersonaVoice:Endpoint must use https unless it is this machine", StringComparison.Ordinal));
        Assert.Contains("PersonaVoice:Model must name the model (or, on Azure OpenAI, the deployment).", problems);
        Assert.Contains("PersonaVoice:Endpoints:ours:Model must name the model (or, on Azure OpenAI, the deployment).", problems);
        Assert.Contains("PersonaVoice:Endpoints:ours:ApiKey is needed for an OpenAI-compatible server that is not on this machine.", problems);
        Assert.Contains("PersonaVoice:Endpoints:bad name!: a name is 1–40 letters, digits or dashes.", problems);
        Assert.Contains(problems, p => p.StartsWith("PersonaVoice:Timeout must be above zero", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PersonaVoice:Temperature must be between 0 and 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PersonaVoice:MaxOutputTokens must be between 16 and 4096", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PersonaVoice:DailyTokenBudget must be 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_server_on_this_machine_needs_no_key_or_https()
    {
        var options = new PersonaVoiceOptions { Provider = "OpenAI", Endpoint = new Uri("http://127.0.0.1:11434/v1"), Model = "llama3.1" };

        Assert.Empty(options.Validate());
        Assert.NotNull(options.Shared);
    }
}
