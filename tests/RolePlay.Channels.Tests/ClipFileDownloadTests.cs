using System.Net.Http.Headers;
using RolePlay.Core.Clips;
using RolePlay.Testing.Files;

namespace RolePlay.Channels.Tests;

/// <summary>The one download path both channels fetch sent files through, against the loopback file host.</summary>
public sealed class ClipFileDownloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private FakeFileHost _files = null!;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() => _files = await FakeFileHost.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _files.DisposeAsync();
    }

    [Fact]
    public async Task A_file_within_the_limit_comes_back_whole()
    {
        var audio = TestAudio.Wav(2);

        var fetched = Assert.IsType<ClipDownload.Fetched>(await GetAsync(_files.Serve("a.wav", audio)));

        Assert.Equal(audio, fetched.Audio);
    }

    [Fact]
    public async Task An_oversized_body_without_a_length_is_refused_without_being_read_to_its_end()
    {
        Assert.IsType<ClipDownload.TooLarge>(await GetAsync(_files.Oversized("big.wav", 64L * 1024 * 1024)));

        Assert.True(_files.Streamed < 16L * 1024 * 1024, $"{_files.Streamed} bytes were streamed");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_the_body_is_read()
    {
        Assert.IsType<ClipDownload.TooLarge>(await GetAsync(_files.Serve("big.wav", new byte[ClipLimits.MaxBytes + 1])));
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        _files.RequiredBearer = "xoxb-right";

        var failed = Assert.IsType<ClipDownload.Failed>(await GetAsync(_files.Serve("a.wav", TestAudio.Wav(1)), "xoxb-wrong"));

        Assert.Equal("gone", failed.Message);
        Assert.Single(_files.Requests);
    }

    [Fact]
    public async Task A_passing_failure_is_worth_another_try()
    {
        var url = _files.Flaky("a.wav", TestAudio.Wav(1), failures: 1);

        Assert.IsType<ClipDownload.Unreachable>(await GetAsync(url));
        Assert.IsType<ClipDownload.Fetched>(await GetAsync(url));
    }

    [Theory]
    [InlineData("https://files.slack.com/files-pri/T1-F1/download/a.wav", true)]
    [InlineData("http://files.slack.com/files-pri/T1-F1/download/a.wav", false)]
    [InlineData("https://contoso-my.sharepoint.com/personal/a/download.aspx", true)]
    [InlineData("https://sharepoint.com.evil.example/a.wav", false)]
    [InlineData("https://evil.example/files.slack.com", false)]
    [InlineData("http://127.0.0.1:5000/a.wav", true)]
    [InlineData("http://127.0.0.2.nip.io/a.wav", false)]
    public void Only_allowed_hosts_are_fetched_from_and_plain_http_only_on_loopback(string url, bool allowed) =>
        Assert.Equal(allowed, ClipFileDownload.IsAllowed(new Uri(url), ["files.slack.com", ".sharepoint.com", "127.0.0.1"]));

    private Task<ClipDownload> GetAsync(string url, string? token = null) =>
        ClipFileDownload.GetAsync(_http, new Uri(url), token is null ? null : new AuthenticationHeaderValue("Bearer", token), Patience, "gone", default);
}
