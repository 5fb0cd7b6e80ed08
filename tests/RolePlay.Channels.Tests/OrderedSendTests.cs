using Microsoft.Extensions.Logging.Abstractions;
using RolePlay.Core.Routines;

namespace RolePlay.Channels.Tests;

/// <summary>The proactive senders' shared loop: parts in order, the first failure ends it, and what the ledger is
/// told.</summary>
public sealed class OrderedSendTests
{
    private readonly List<string> _sent = [];

    private Task<ProactiveOutcome> SendAsync(IEnumerable<string> parts, params SendOutcome[] answers)
    {
        var next = 0;
        return OrderedSend.SendAsync(parts, (part, _) =>
        {
            _sent.Add(part);
            return Task.FromResult(answers[next++]);
        }, "U1", NullLogger.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Every_part_goes_out_in_order_and_the_first_id_is_the_messages()
    {
        var outcome = await SendAsync(["a", "b", "c"], new SendOutcome.Sent("1"), new SendOutcome.Sent("2"), new SendOutcome.Sent("3"));

        Assert.Equal(new ProactiveOutcome.Sent("1"), outcome);
        Assert.Equal(["a", "b", "c"], _sent);
    }

    [Fact]
    public async Task A_first_part_that_fails_is_the_outcome_and_nothing_after_it_is_sent()
    {
        var outcome = await SendAsync(["a", "b"], new SendOutcome.Throttled(TimeSpan.FromSeconds(30)));

        Assert.Equal(new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(30)), outcome);
        Assert.Equal(["a"], _sent);
    }

    [Fact]
    public async Task A_later_part_that_fails_stops_the_loop_but_the_message_counts_as_sent()
    {
        var outcome = await SendAsync(["a", "b", "c"], new SendOutcome.Sent("1"), new SendOutcome.Failed("http_503", StatusCode: 503));

        Assert.Equal(new ProactiveOutcome.Sent("1"), outcome);
        Assert.Equal(["a", "b"], _sent);
    }

    [Fact]
    public async Task No_parts_is_sent_with_no_id()
    {
        Assert.Equal(new ProactiveOutcome.Sent(null), await SendAsync([]));
        Assert.Empty(_sent);
    }

    [Fact]
    public void Each_outcome_maps_to_the_ledgers_word_for_it()
    {
        Assert.Equal(new ProactiveOutcome.Sent("1700000000.000001"), new SendOutcome.Sent("1700000000.000001").ToProactiveOutcome());
        Assert.Equal(new ProactiveOutcome.Throttled(TimeSpan.FromSeconds(7)), new SendOutcome.Throttled(TimeSpan.FromSeconds(7)).ToProactiveOutcome());
        Assert.Equal(new ProactiveOutcome.Unreachable("Thread is blocked"), new SendOutcome.Unreachable("Thread is blocked").ToProactiveOutcome());
    }

    [Theory]
    [InlineData("channel_not_found", "", null, "channel_not_found")]
    [InlineData("transport", "Connection refused", null, "transport: Connection refused")]
    [InlineData("BadSyntax", "Activity is malformed", 400, "400 BadSyntax: Activity is malformed")]
    [InlineData("BadGateway", "", 502, "502 BadGateway")]
    public void A_failure_is_recorded_with_its_status_code_and_message(string code, string message, int? status, string recorded) =>
        Assert.Equal(new ProactiveOutcome.Failed(recorded), new SendOutcome.Failed(code, message, status).ToProactiveOutcome());
}
