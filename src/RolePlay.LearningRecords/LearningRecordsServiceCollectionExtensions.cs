using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RolePlay.Core.LearningRecords;

namespace RolePlay.LearningRecords;

public static class LearningRecordsServiceCollectionExtensions
{
    /// <summary>xAPI statements for the tenants listed under <c>Lrs:Tenants</c>, queued in the bot's store and sent
    /// by a background round; with none listed nothing is queued and the round does not run.</summary>
    public static IServiceCollection AddLearningRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LrsOptions>().Bind(configuration.GetSection(LrsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LrsOptions>, LrsOptionsValidator>();
        services.AddHttpClient<LrsClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<LrsOptions>>().Value.RequestTimeout);
        services.AddSingleton<ILearningRecords, XapiLearningRecords>();
        services.AddSingleton<XapiForgetting>();
        services.AddSingleton<LrsDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<LrsDelivery>());
        return services;
    }

    private sealed class LrsOptionsValidator : IValidateOptions<LrsOptions>
    {
        public ValidateOptionsResult Validate(string? name, LrsOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
