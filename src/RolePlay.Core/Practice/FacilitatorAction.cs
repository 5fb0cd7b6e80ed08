namespace RolePlay.Core.Practice;

/// <summary>What a facilitator can do to a live scene, through the same engine the coach uses.</summary>
public abstract record FacilitatorAction;

/// <summary>Show a cue card: a catalog card id, or free text typed by the facilitator.</summary>
public sealed record InjectCue(string CueIdOrText) : FacilitatorAction;

/// <summary>Change the environment: a system outage starts now.</summary>
public sealed record StartOutage(string Description) : FacilitatorAction;

/// <summary>Replace the customer's goal; <see cref="Line"/> is what the customer says (else a line from the bank).</summary>
public sealed record SwapGoal(string NewGoal, string? Line = null) : FacilitatorAction;
