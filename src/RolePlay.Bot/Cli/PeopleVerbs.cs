using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;

namespace RolePlay.Bot.Cli;

/// <summary><c>people forget</c>: a person's right to be forgotten, for the admin who receives the request. Storage
/// and Lrs settings pass through as for <c>serve</c>.</summary>
internal static class PeopleVerbs
{
    public static Command Build()
    {
        var people = new Command("people", "A person's data rights.");
        people.Subcommands.Add(BuildForget());
        return people;
    }

    private static Command BuildForget()
    {
        var platform = new Option<string>("--platform") { Description = "teams, slack or studio.", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The Teams tenant id or Slack team id.", Required = true };
        var user = new Option<string>("--user") { Description = "The person's user id on that platform.", Required = true };
        var forget = new Command("forget",
            "Remove everything RolePlay keeps about one person. When their tenant sends learning records, what its LRS already " +
            "has about them is voided first: the voiding statements are sent by the running bot.") { platform, tenant, user };
        forget.TreatUnmatchedTokensAsErrors = false;
        forget.SetAction((parseResult, ct) => StoreVerb.RunAsync(parseResult, async services =>
            {
                var person = new PersonKey(parseResult.GetValue(platform)!, parseResult.GetValue(tenant)!, parseResult.GetValue(user)!);
                var (voided, removed) = await services.GetRequiredService<XapiForgetting>().ForgetAsync(person, ct);
                return $"forgot {person}: {removed} rows removed, {voided} learning records to void";
            },
            "Not forgotten (run it again once fixed: it picks up where it stopped)", ct, builder =>
            {
                builder.Services.AddSingleton(ContentLoader.LoadShipped().EnsureValid());
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddLearningRecords(builder.Configuration);
            }));
        return forget;
    }
}
