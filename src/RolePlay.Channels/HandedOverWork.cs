namespace RolePlay.Channels;

/// <summary>Work queued by a request and run later by a background loop, in the request's own execution context (its
/// trace, its logging scope), not in whatever context the loop happened to start in.</summary>
public sealed class HandedOverWork(string description, Func<CancellationToken, Task> work)
{
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    public string Description => description;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            return work(cancellationToken);
        }

        // Started inside the captured context, the work's own continuations keep it.
        Task? started = null;
        ExecutionContext.Run(_context, _ => started = work(cancellationToken), null);
        return started!;
    }
}
