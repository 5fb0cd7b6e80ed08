using Microsoft.Extensions.Options;
using RolePlay.Core.Practice;

namespace RolePlay.Bot.Hosting;

/// <summary>The "Practice" section: <c>Practice:Seed</c>, when set, is the seed every practice in a chat starts from
/// (unset: a random one each time), checked at start-up.</summary>
internal sealed class PracticeSettings
{
    public int? Seed { get; set; }

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PracticeSettings>()
            .Bind(configuration.GetSection("Practice"))
            .ValidateOnStart();
        services.AddSingleton(sp => new PracticeSeeds(sp.GetRequiredService<IOptions<PracticeSettings>>().Value.Seed));
    }
}
