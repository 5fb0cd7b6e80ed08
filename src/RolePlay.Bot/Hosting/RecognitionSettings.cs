using Microsoft.Extensions.Options;
using RolePlay.Core.Recognition;
namespace RolePlay.Bot.Hosting;

/// <summary>The "Recognition" section: <c>Recognition:DailyCapPerManager</c> (default 5), checked at start-up.</summary>
internal sealed class RecognitionSettings
{
    public int DailyCapPerManager { get; set; } = new RecognitionPolicy().DailyCapPerManager;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecognitionSettings>()
            .Bind(configuration.GetSection("Recognition"))
            .Validate(s => s.DailyCapPerManager >= 1, "Recognition:DailyCapPerManager must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RecognitionPolicy(sp.GetRequiredService<IOptions<RecognitionSettings>>().Value.DailyCapPerManager));
    }
}
