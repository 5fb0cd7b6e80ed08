using System.Text.Json;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Tests;

public sealed class PlatformTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Teams")]
    [InlineData("slack/x")]
    [InlineData("with space")]
    [InlineData("a-very-long-platform-id-past-32-chars")]
    public void An_id_that_could_not_start_a_stored_key_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => new Platform(id));

    [Fact]
    public void Platforms_are_equal_by_id_and_a_string_converts_checked()
    {
        Platform teams = "teams";

        Assert.Equal(new Platform("teams"), teams);
        Assert.NotEqual(new Platform("slack"), teams);
        Assert.Throws<ArgumentException>(() => { Platform bad = "TEAMS"; });
    }

    [Fact]
    public void Stored_json_keeps_the_bare_id_so_existing_rows_still_read()
    {
        var key = new PersonKey("slack", "T1", "U1");

        var json = JsonSerializer.Serialize(key);

        Assert.Equal("""{"Tenant":{"Platform":"slack","TenantId":"T1"},"UserId":"U1"}""", json);
        Assert.Equal(key, JsonSerializer.Deserialize<PersonKey>(json));
    }
}
