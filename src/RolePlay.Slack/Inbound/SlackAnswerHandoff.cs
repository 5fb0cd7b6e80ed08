namespace RolePlay.Slack.Inbound;

/// <summary>Hands an ack computed in a lane to the request waiting for it, while it still waits. Once the request has
/// given up (its answer window passed), the lane is told so and delivers the answer itself: exactly one of the two
/// answers the person.</summary>
internal sealed class SlackAnswerHandoff
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int GivenUp = 2;

    private readonly TaskCompletionSource<SlackAck?> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>Lane side: true when the waiting request takes <paramref name="ack"/> (null: no answer, the request
    /// acks with its interim answer); false when the request gave up and the lane must deliver.</summary>
    public bool TryHandOver(SlackAck? ack)
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Waiting) != Waiting)
        {
            return false;
        }

        _ack.SetResult(ack);
        return true;
    }

    /// <summary>Request side: the lane's ack if it comes within the window, else null. A cancelled request gives up.</summary>
    public async Task<SlackAck?> WaitAsync(TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(_ack.Task, Task.Delay(window, time, timer.Token));
        await timer.CancelAsync();
        return Interlocked.CompareExchange(ref _state, GivenUp, Waiting) == Waiting ? null : await _ack.Task;
    }
}
