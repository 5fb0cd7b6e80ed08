using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Tests;

public sealed class ThreadedConversationIdTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1759881511856", "19:abc@thread.tacv2", "1759881511856")]
    [InlineData("19:abc@thread.tacv2;MessageId=42", "19:abc@thread.tacv2", "42")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2", null)]
    [InlineData("a:1Xyz-personal", "a:1Xyz-personal", null)]
    public void A_conversation_id_splits_into_its_channel_and_thread(string id, string channel, string? thread)
    {
        Assert.Equal(channel, ThreadedConversationId.Channel(id));
        Assert.Equal(thread, ThreadedConversationId.Thread(id));
    }

    [Fact]
    public void A_thread_id_is_built_on_the_bare_channel_and_round_trips()
    {
        var id = ThreadedConversationId.Of("19:abc@thread.tacv2;messageid=1", "1759881511856");

        Assert.Equal("19:abc@thread.tacv2;messageid=1759881511856", id);
        Assert.Equal("19:abc@thread.tacv2", ThreadedConversationId.Of("19:abc@thread.tacv2;messageid=1", null));
        Assert.Equal("1759881511856", ThreadedConversationId.Thread(id));
    }
}
