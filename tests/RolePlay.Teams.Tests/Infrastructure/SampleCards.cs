using RolePlay.Core.Cards;
using RolePlay.Core.Practice;

namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>A representative set of cards: every element, input and action kind the Core model has.</summary>
public static class SampleCards
{
    public static Card Text { get; } = new("text", "Today's practice",
    [
        new TextBlock("A customer is waiting."),
        new TextBlock("Scene 1", TextStyle.Heading),
        new TextBlock("Two minutes left on the call.", TextStyle.Subtle),
        new TextBlock("**I have been waiting for 3 weeks!** _again_ [click](http://evil.example) {{DATE(2017-02-14T06:08:39Z,SHORT)}}\n1. one\n- two", TextStyle.Quote),
    ], []);

    public static Card Facts { get; } = new("facts", "Persona",
        [new FactSet([new Fact("Name", "Maria, 46"), new Fact("Business", "Bakery *owner*"), new Fact("Device", "Old Android, weak network")])], []);

    public static Card Choices { get; } = new("choices", "Settings",
    [
        new ChoiceInput("intensity", "Intensity", [new Choice("Gentle", "1"), new Choice("Realistic", "2"), new Choice("Tough", "3")], Value: "2", Required: true),
        new ChoiceInput("time", "Prompt time", Enumerable.Range(7, 8).Select(h => new Choice($"{h}:00", $"{h:00}:00")).ToList()),
        new ChoiceInput("days", "Days", [new Choice("Mon", "mon"), new Choice("Tue", "tue"), new Choice("Wed", "wed")], Multiple: true, Value: "mon,wed"),
    ], [new SubmitAction("Save", "settings.save")]);

    public static Card TextInputs { get; } = new("inputs", "Debrief",
    [
        new TextInput("feeling", "How did that feel?", Placeholder: "One or two words", MaxLength: 80),
        new TextInput("commitment", "One thing for your next shift", Multiline: true, MaxLength: 280, Required: true),
        new TextInput("note", "Anything else?", Value: "prefilled"),
    ], [new SubmitAction("Commit", "debrief.commit", new Dictionary<string, string> { ["session"] = "s-42" })]);

    public static Card Rating { get; } = new("rating", null,
        [new RatingInput("stars", "How did the customer feel at the end?", Max: 5, Required: true)],
        [new SubmitAction("Rate", "debrief.rate", ActionStyle.Positive)]);

    public static Card Actions { get; } = new("actions", "Ready?", [new TextBlock("Start when you are.")],
    [
        new SubmitAction("Start", "practice.start", new Dictionary<string, string> { ["scenario"] = "late-delivery" }, ActionStyle.Positive),
        new SubmitAction("Not now", "practice.snooze", ActionStyle.Destructive),
        new OpenUrlAction("Open the studio", new Uri("https://roleplay.example.com/studio?x=1")),
    ]);

    public static IReadOnlyList<Card> All { get; } = [Text, Facts, Choices, TextInputs, Rating, Actions];
}
