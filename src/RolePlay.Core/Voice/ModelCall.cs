using System.Text;
using Microsoft.Extensions.AI;
using RolePlay.Core.Text;

namespace RolePlay.Core.Voice;

/// <summary>Why a model call gave no words.</summary>
public enum ModelFailure { Timeout, Throttled, Error }

/// <summary>What one model call gave: its text and the tokens it cost, or why there is none.</summary>
public sealed record ModelAnswer(string? Text, long Tokens, ModelFailure? Failure = null, TimeSpan? RetryAfter = null)
{
    /// <summary>What went wrong, for the log.</summary>
    public Exception? Error { get; init; }
}

/// <summary>One chat call held to a deadline. Streamed where the channel shows the customer typing meanwhile, so a reply
/// that runs past its word limit is cut off as soon as it does, costing no more tokens or time. The client must not
/// retry on its own: the deadline is the turn's, and a retry inside it only makes the agent wait longer for the same
/// fallback.</summary>
internal static class ModelCall
{
    /// <summary>Characters per token, for servers that report no usage (the budget still counts them).</summary>
    private const int CharsPerToken = 4;

    public static async Task<ModelAnswer> AskAsync(IChatClient client, IReadOnlyList<ChatMessage> prompt, ChatOptions options,
        TimeSpan deadline, int? streamUpToWords, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(deadline);
        try
        {
            var (text, usage) = streamUpToWords is { } words
                ? await StreamedAsync(client, prompt, options, words, timer).ConfigureAwait(false)
                : await WholeAsync(client, prompt, options, timer.Token).ConfigureAwait(false);
            return new ModelAnswer(text, Tokens(usage, prompt, text));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ModelAnswer(null, Estimate(prompt, ""), ModelFailure.Timeout);
        }
        catch (ModelThrottledException throttled)
        {
            return new ModelAnswer(null, 0, ModelFailure.Throttled, throttled.RetryAfter);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the endpoint did (5xx, a body that is not JSON, a refused key), the turn goes on in the rule voice.
            return new ModelAnswer(null, 0, ModelFailure.Error) { Error = e };
        }
    }

    private static async Task<(string, UsageDetails?)> WholeAsync(IChatClient client, IReadOnlyList<ChatMessage> prompt, ChatOptions options,
        CancellationToken ct)
    {
        var response = await client.GetResponseAsync(prompt, options, ct).ConfigureAwait(false);
        return (response.Text, response.Usage);
    }

    /// <summary>The streamed text, stopped once it has more than <paramref name="words"/> words: the guard refuses it
    /// anyway.</summary>
    private static async Task<(string, UsageDetails?)> StreamedAsync(IChatClient client, IReadOnlyList<ChatMessage> prompt, ChatOptions options,
        int words, CancellationTokenSource timer)
    {
        var text = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in client.GetStreamingResponseAsync(prompt, options, timer.Token).ConfigureAwait(false))
        {
            text.Append(update.Text);
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage = content.Details;
            }

            if (update.Text.Length > 0 && Words.Count(text.ToString()) > words)
            {
                break;
            }
        }

        return (text.ToString(), usage);
    }

    private static long Tokens(UsageDetails? usage, IReadOnlyList<ChatMessage> prompt, string text) =>
        usage?.TotalTokenCount ?? (usage?.InputTokenCount + usage?.OutputTokenCount) ?? Estimate(prompt, text);

    private static long Estimate(IReadOnlyList<ChatMessage> prompt, string text) =>
        (prompt.Sum(m => (long)m.Text.Length) + text.Length) / CharsPerToken + 1;
}
