namespace RolePlay.Core.Routines;

/// <summary>How buddy pairing avoids repeats: no pair from the last <see cref="NoRepeatRounds"/> rounds while another
/// choice exists (configuration <c>Routines:Pairing:NoRepeatRounds</c>, default 4).</summary>
public sealed record PairingPolicy
{
    public PairingPolicy(int noRepeatRounds = BuddyPairing.DefaultNoRepeatRounds)
    {
        if (noRepeatRounds is < 0 or > 52)
        {
            throw new ArgumentOutOfRangeException(nameof(noRepeatRounds), noRepeatRounds, "Routines:Pairing:NoRepeatRounds must be 0 to 52.");
        }

        NoRepeatRounds = noRepeatRounds;
    }

    public int NoRepeatRounds { get; }
}
