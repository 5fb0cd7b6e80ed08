using RolePlay.Core.Chat;

namespace RolePlay.Core.Tests.Chat;

public sealed class MessageLimitTests
{
    [Fact]
    public void A_message_at_the_limit_fits() => Assert.Null(MessageLimit.Refusal(new string('a', MessageLimit.MaxLength)));

    [Fact]
    public void One_over_is_refused_with_its_length_and_the_limit() =>
        Assert.Equal("That message is 2,001 characters; I read up to 2,000, so it didn't count. Please send it in shorter parts.",
            MessageLimit.Refusal(new string('a', MessageLimit.MaxLength + 1)));
}
