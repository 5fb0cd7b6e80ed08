using RolePlay.Core.Content;

namespace RolePlay.Core.Tests.Content;

public sealed class ShippedContentTests
{
    private static readonly Lazy<ContentLoadResult> Shipped = new(() => ContentLoader.Load(ContentSources.Shipped()));

    [Fact]
    public void Shipped_content_loads_without_errors()
    {
        Assert.True(Shipped.Value.IsValid, string.Join(Environment.NewLine, Shipped.Value.Errors));
    }
}
