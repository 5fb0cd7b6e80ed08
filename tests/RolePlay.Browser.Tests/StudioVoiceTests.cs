using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Storage;
using RolePlay.Testing.Models;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>A studio team's manager chooses the model voice on the Team page, and the practice's customer then speaks
/// in the model's words (the chat-completions stand-in). Screenshots: studio-voice-{screen}-….</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioVoiceTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private FakeChatCompletions _model = null!;
    private StudioServer _server = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeChatCompletions.StartAsync("sk-studio-0123456789");
        _model.Fallback = ChatScript.Slow(TimeSpan.FromMilliseconds(400), DraftWording.Script);
        _server = await StudioServer.StartAsync("--PersonaVoice:Provider=OpenAI", $"--PersonaVoice:Endpoint={_model.Endpoint}",
            "--PersonaVoice:Model=gpt-4o-mini", $"--PersonaVoice:ApiKey={_model.ApiKey}");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _model.DisposeAsync();
    }

    public static TheoryData<string> Screens => new() { "laptop-light", "phone-dark" };

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task A_manager_chooses_the_model_voice_and_the_customer_speaks_in_its_words(string screenName)
    {
        var screen = Screen.Named[screenName];
        await using var context = await browser.NewContextAsync(screen);
        var studio = await StudioPage.OpenAsync(context, _server);
        var page = studio.Page;
        await studio.JoinAsync("Ana");
        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        var create = page.Locator("#team-create");
        await create.GetByLabel("Team name").FillAsync("Night shift");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();

        // The rule voice until the manager says otherwise, with what a model would be sent said before choosing it.
        var voice = page.Locator("#team-voice");
        await Assertions.Expect(voice).ToBeVisibleAsync();
        await Assertions.Expect(voice.GetByLabel("Built-in lines")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#voice-privacy")).ToContainTextAsync("no names or ids of the people practising");
        await Assertions.Expect(page.Locator("#voice-where")).ToBeHiddenAsync(); // one endpoint: nothing to pick
        await voice.GetByLabel("A language model").CheckAsync();
        await voice.GetByRole(AriaRole.Button, new() { Name = "Save the voice" }).ClickAsync();
        await Assertions.Expect(page.Locator("#voice-done")).ToHaveTextAsync("Saved: language model.");
        await Assertions.Expect(page.Locator("#team-facts")).ToContainTextAsync("language model");
        await CheckAsync(page, screen, "01-voice-chosen");

        var person = _server.OnlyLocalPerson();
        var founder = (await _server.Get<IPeopleStore>().GetAsync(person, CancellationToken.None))!;
        Assert.Equal(VoiceKind.Model, (await _server.Get<ITeamStore>().GetAsync(person.Tenant, founder.TeamId!, CancellationToken.None))!.Voice);

        // The practice: the customer's opening and reply in the model's words, the page showing them typing meanwhile.
        await page.GetByRole(AriaRole.Link, new() { Name = "Practice", Exact = true }).ClickAsync();
        await studio.StartAsync("late-delivery-birthday", "medium");
        await Assertions.Expect(studio.Entries("customer").First).ToContainTextAsync(DraftWording.Word);
        await studio.Message.FillAsync("I'm so sorry, that sounds really stressful. What's been happening so far?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#typing")).ToBeVisibleAsync();
        await Assertions.Expect(studio.Entries("customer")).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Assertions.Expect(studio.Entries("customer").Last).ToContainTextAsync(DraftWording.Word);
        await CheckAsync(page, screen, "02-model-voice-practice");
        // The opening came from a button (nothing shows typing then); the reply streamed behind the page's indicator.
        Assert.Equal(2, _model.Requests.Count);
        Assert.Null(_model.Requests[0].Body!["stream"]);
        Assert.True(_model.Requests[1].Body!["stream"]!.GetValue<bool>());
    }

    private Task CheckAsync(IPage page, Screen screen, string step) => Artifacts.CheckScreenAsync(page, screen, "studio-voice", step, output);
}
