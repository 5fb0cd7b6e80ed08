using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;

namespace RolePlay.Testing.Manners;

/// <summary>Scenes whose customer answers the agent's last message in a known manner, and what they say with a given
/// seed: the engine on the shipped content, detector and rule voice, as every host runs it for a new learner. Linked as
/// source into the projects whose channel tests use it.</summary>
internal static class MannerScenes
{
    public sealed record Scene(string ScenarioId, string Customer, Manner Manner, IReadOnlyList<string> Messages);

    /// <summary>Jake, fobbed off: terse whatever the seed.</summary>
    public static readonly Scene Terse = new("late-delivery-birthday", "Jake", Manner.Terse,
        ["Tracking says in transit. It'll arrive when it arrives."]);

    /// <summary>Priya, blamed: near escalation at once, and loud, whatever the seed.</summary>
    public static readonly Scene Raised = new("double-charge-student", "Priya", Manner.Raised,
        ["You pressed pay twice. That's why there are two charges."]);

    /// <summary>Dorothy, told it is her fault: she goes quiet, whatever the seed.</summary>
    public static readonly Scene Quiet = new("new-phone-setup", "Dorothy", Manner.Quiet,
        ["Contacts don't transfer automatically. You were supposed to back them up first."]);

    /// <summary>Priya, met with care: relieved, with some seeds (<see cref="Seed"/> is one).</summary>
    public static readonly Scene Warm = new("double-charge-student", "Priya", Manner.Warm,
        ["Hi Priya, please don't apologise, you're in exactly the right place. Seeing £64 go out twice when money is tight and rent is coming up would make anyone panic. You haven't lost that money, and we'll go through this one step at a time. Can you tell me what you're seeing in your banking app?"]);

    public static readonly Scene[] All = [Terse, Raised, Quiet, Warm];

    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();

    private static readonly PracticeEngine Engine = new(Catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice());

    /// <summary>A seed with which every scene's customer answers in its manner, visibly (a line already lowercase
    /// reads the same terse).</summary>
    public static int Seed { get; } = Enumerable.Range(1, 1000).First(seed => All.All(scene =>
        Reply(scene, seed) is var reply && reply[0].Manner == scene.Manner && reply.Any(u => u.Seen != u.Text)));

    /// <summary>The customer's lines answering the scene's last message, as the engine says them with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<Utterance> Reply(Scene scene, int seed)
    {
        var session = Engine.Start(new SessionOptions(scene.ScenarioId, Seed: seed, PriorLines: []));
        TurnResult? last = null;
        foreach (var message in scene.Messages)
        {
            last = session.Respond(message);
        }

        return last!.Replies.Where(u => u.Speaker == Speaker.Customer).ToList();
    }

    /// <summary>The engine's own lines of the reply with <see cref="Seed"/>, before any manner: what a channel showing
    /// <see cref="Utterance.Text"/> instead of what the agent should read would send.</summary>
    public static IReadOnlyList<string> Plain(Scene scene) =>
        Reply(scene, Seed).Select(u => $"{scene.Customer}: {u.Text}").ToList();

    /// <summary>What the agent reads of the reply with <see cref="Seed"/>, one chat message a burst ("Jake: …").</summary>
    public static IReadOnlyList<string> Shown(Scene scene) =>
        Reply(scene, Seed).Where(u => u.Seen.Length > 0).Select(u => $"{scene.Customer}: {u.Seen}").ToList();
}
