using System.Buffers.Binary;
using System.Text;
using RolePlay.Core.Clips;

namespace RolePlay.Core.Tests.Clips;

/// <summary>Each container built byte by byte as its specification lays it out, so what is sniffed is the format, not a
/// file that happens to be lying around.</summary>
public sealed class AudioSnifferTests
{
    [Fact]
    public void A_wav_file_is_audio_and_its_length_comes_from_the_data_size()
    {
        var sniffed = AudioSniffer.Sniff(Wav(seconds: 2.5, byteRate: 32_000), out var refusal);
        Assert.Null(refusal);
        Assert.Equal("audio/wav", sniffed!.ContentType);
        Assert.Equal(2.5, sniffed.Seconds!.Value, 3);
    }

    [Fact]
    public void Ogg_opus_is_audio_and_its_length_is_the_last_granule_less_the_pre_skip()
    {
        var bytes = Concat(OggPage("OpusHead"u8.ToArray().Concat(new byte[] { 1, 1, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0 }).ToArray(), granule: 0),
            OggPage(new byte[20], granule: 48_000 * 12 + 312));
        var sniffed = AudioSniffer.Sniff(bytes, out _);
        Assert.Equal("audio/ogg; codecs=opus", sniffed!.ContentType);
        Assert.Equal(12.0, sniffed.Seconds!.Value, 3);
    }

    [Fact]
    public void An_ogg_video_is_refused()
    {
        Assert.Null(AudioSniffer.Sniff(OggPage(new byte[] { 0x80 }.Concat("theora"u8.ToArray()).Concat(new byte[40]).ToArray(), 0), out var refusal));
        Assert.Contains("does not carry audio", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Webm_as_mediarecorder_writes_it_unknown_sizes_and_no_duration_is_timed_by_its_last_block()
    {
        var sniffed = AudioSniffer.Sniff(Webm(trackType: 2, clusters: [(0, [0, 20, 980]), (31_000, [0, 500])], duration: null), out var refusal);
        Assert.Null(refusal);
        Assert.Equal("audio/webm", sniffed!.ContentType);
        Assert.Equal(31.5, sniffed.Seconds!.Value, 3);
    }

    [Fact]
    public void Webm_with_a_duration_element_uses_it_and_webm_with_video_is_refused()
    {
        Assert.Equal(7.25, AudioSniffer.Sniff(Webm(2, [(0, [0])], duration: 7250), out _)!.Seconds!.Value, 3);
        Assert.Null(AudioSniffer.Sniff(Webm(trackType: 1, [(0, [0])], null), out var refusal));
        Assert.Contains("video", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Mp4_audio_is_timed_by_mvhd_and_an_mp4_video_is_refused()
    {
        var sniffed = AudioSniffer.Sniff(Mp4("soun"), out _);
        Assert.Equal("audio/mp4", sniffed!.ContentType);
        Assert.Equal(9.0, sniffed.Seconds!.Value, 3);
        Assert.Null(AudioSniffer.Sniff(Mp4("vide"), out var refusal));
        Assert.Contains("video", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Mp3_is_audio_with_no_stated_length()
    {
        var frame = new byte[] { 0xFF, 0xFB, 0x90, 0x64 }.Concat(new byte[400]).ToArray();
        Assert.Equal(new SniffedAudio("audio/mpeg", null), AudioSniffer.Sniff(frame, out _));
        Assert.Equal("audio/mpeg", AudioSniffer.Sniff("ID3\x04\0\0\0\0\0\0"u8.ToArray().Concat(frame).ToArray(), out _)!.ContentType);
    }

    [Theory]
    [InlineData("89504E470D0A1A0A0000000D49484452")] // a PNG
    [InlineData("3C68746D6C3E3C2F68746D6C3E0A0A0A")] // <html></html>
    [InlineData("255044462D312E340A25E2E3CFD30A0A")] // a PDF
    [InlineData("0001")] // too short
    public void What_is_not_audio_is_refused_whatever_it_claims_to_be(string hex)
    {
        Assert.Null(AudioSniffer.Sniff(Convert.FromHexString(hex), out var refusal));
        Assert.NotNull(refusal);
    }

    private static byte[] Wav(double seconds, int byteRate)
    {
        var data = (int)(seconds * byteRate);
        var b = new byte[44 + data];
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(b.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), byteRate / 2);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), byteRate);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), 16);
        "data"u8.CopyTo(b.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), data);
        return b;
    }

    private static byte[] OggPage(byte[] packet, long granule)
    {
        var header = new byte[28];
        "OggS"u8.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(6), granule);
        header[26] = 1; // one segment
        header[27] = (byte)packet.Length;
        return Concat(header, packet);
    }

    /// <summary>EBML header, a Segment and Clusters of unknown size (as MediaRecorder streams them), one track.</summary>
    private static byte[] Webm(int trackType, (int Timecode, int[] Blocks)[] clusters, double? duration)
    {
        var info = Element(0x2AD7B1, [0x0F, 0x42, 0x40]); // TimecodeScale 1,000,000 ns
        if (duration is { } d)
        {
            var f = new byte[8];
            BinaryPrimitives.WriteDoubleBigEndian(f, d);
            info = Concat(info, Element(0x4489, f));
        }

        var body = Concat(Element(0x1549A966, info), Element(0x1654AE6B, Element(0xAE, Concat(Element(0xD7, [1]), Element(0x83, [(byte)trackType])))));
        foreach (var (timecode, blocks) in clusters)
        {
            body = Concat(body, [0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], Element(0xE7, [(byte)(timecode >> 8), (byte)timecode]));
            foreach (var offset in blocks)
            {
                body = Concat(body, Element(0xA3, [0x81, (byte)(offset >> 8), (byte)offset, 0x80, 1, 2, 3]));
            }
        }

        var header = Element(0x1A45DFA3, Element(0x4282, Encoding.ASCII.GetBytes("webm")));
        return Concat(header, [0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], body);
    }

    private static byte[] Element(uint id, byte[] content)
    {
        var idBytes = BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(id)).SkipWhile(x => x == 0).ToArray();
        var size = new byte[] { 0x10, 0, 0, 0 };
        BinaryPrimitives.WriteInt32BigEndian(size, 0x10000000 | content.Length); // a 4-byte size
        return Concat(idBytes, size, content);
    }

    private static byte[] Mp4(string handler)
    {
        var mvhd = new byte[100];
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(12), 1000);
        BinaryPrimitives.WriteInt32BigEndian(mvhd.AsSpan(16), 9000);
        var hdlr = new byte[24];
        Encoding.ASCII.GetBytes(handler).CopyTo(hdlr, 8);
        return Concat(Box("ftyp", "M4A \0\0\0\0M4A isom"u8.ToArray()), Box("moov", Concat(Box("mvhd", mvhd), Box("trak", Box("mdia", Box("hdlr", hdlr))))));
    }

    private static byte[] Box(string type, byte[] content)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, 8 + content.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        return Concat(header, content);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
