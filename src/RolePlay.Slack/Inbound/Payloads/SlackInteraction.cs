using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace RolePlay.Slack.Inbound.Payloads;

/// <summary>An interactivity payload (the form field <c>payload</c>): the fields every kind carries, then one record per
/// kind the bot handles (<c>block_actions</c>, <c>view_submission</c>); the rest (view_closed, shortcut, ...) are
/// <see cref="SlackOtherInteraction"/>.</summary>
public abstract record SlackInteraction
{
    public string Type { get; init; } = "";

    public SlackUser User { get; init; } = new("", null, null);

    /// <summary><c>team.id</c>; null for an org-wide install (<c>team: null</c>).</summary>
    public string? TeamId { get; init; }

    /// <summary><c>enterprise.id</c>, else <c>team.enterprise_id</c>.</summary>
    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    /// <summary><c>trigger_id</c>: unique to one interaction, so it also tells a replay from a new one.</summary>
    public string? TriggerId { get; init; }

    /// <summary>The workspace or enterprise; a payload naming neither falls back to the user's workspace.</summary>
    public string? Tenant => SlackJson.Tenant(TeamId, EnterpriseId, IsEnterpriseInstall) ?? User.TeamId;

    public static bool TryRead(JsonElement payload, [NotNullWhen(true)] out SlackInteraction? interaction, out string problem)
    {
        interaction = null;
        var type = payload.Str("type");
        var user = payload.Obj("user");
        problem = string.IsNullOrEmpty(type) ? "interaction payload needs type"
            : user.Str("id") is null ? "interaction payload needs user.id"
            : "";
        if (problem.Length > 0)
        {
            return false;
        }

        SlackInteraction kind = type switch
        {
            "block_actions" => SlackBlockActions.Read(payload),
            "view_submission" => new SlackViewSubmission(SlackView.Read(payload.Obj("view"))),
            _ => new SlackOtherInteraction(),
        };
        var team = payload.Obj("team");
        interaction = kind with
        {
            Type = type!,
            User = new SlackUser(user.Str("id")!, user.Str("name"), user.Str("team_id")),
            TeamId = team.Str("id"),
            EnterpriseId = payload.Obj("enterprise").Str("id") ?? team.Str("enterprise_id"),
            IsEnterpriseInstall = payload.True("is_enterprise_install"),
            TriggerId = payload.Str("trigger_id"),
        };
        return true;
    }
}

/// <summary>The <c>user</c> of an interaction: <c>id</c>, <c>name</c> and the workspace they belong to.</summary>
public sealed record SlackUser(string Id, string? Name, string? TeamId);

/// <summary><c>view_closed</c>, <c>shortcut</c> and every other kind: acknowledged and ignored.</summary>
public sealed record SlackOtherInteraction : SlackInteraction;

/// <summary><c>view_submission</c>: a modal's submit button.</summary>
public sealed record SlackViewSubmission(SlackView? View) : SlackInteraction;

/// <summary>A <c>view</c> (modal or home tab) with the values of its inputs.</summary>
public sealed record SlackView(string? Id, string? Type, string? CallbackId, string? PrivateMetadata, SlackState? State)
{
    internal static SlackView? Read(JsonElement view) => view.ValueKind != JsonValueKind.Object ? null
        : new SlackView(view.Str("id"), view.Str("type"), view.Str("callback_id"), view.Str("private_metadata"), SlackState.Read(view.Obj("state")));
}
