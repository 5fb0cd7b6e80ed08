using System.Buffers.Binary;
using System.Text;

namespace RolePlay.Core.Clips;

/// <summary>What the bytes of an upload are, found from their magic bytes (never from the sender's Content-Type), with
/// the duration where the container states it. <see cref="Seconds"/> null: the container states none (MP3).</summary>
public sealed record SniffedAudio(string ContentType, double? Seconds);

/// <summary>Recognises the audio containers people send: WebM/Matroska (what Chromium's MediaRecorder writes, Opus
/// inside), Ogg (Opus, Vorbis), MP4/M4A, MP3 and WAV. Anything else, and a container that carries video, is not audio.
/// Durations: WAV from its data size and byte rate; Ogg from the last page's granule position; MP4 from mvhd; WebM from
/// its Duration element, else from the last block's timecode (MediaRecorder writes no Duration); MP3 none.</summary>
public static class AudioSniffer
{
    /// <summary>The file extensions of those containers, for a channel that names a sent file's type before its bytes are
    /// fetched (Teams): only these are offered as clips. mp4 is a voice memo's; one carrying video is refused when sniffed.</summary>
    public static IReadOnlySet<string> FileTypes { get; } = new HashSet<string>(["webm", "weba", "ogg", "oga", "opus", "m4a", "mp4", "mp3", "wav", "mka"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The audio, or null with <paramref name="refusal"/> saying why it is not audio we take.</summary>
    public static SniffedAudio? Sniff(ReadOnlySpan<byte> bytes, out string? refusal)
    {
        refusal = null;
        if (bytes.Length < 12)
        {
            refusal = "The file is too short to be audio.";
            return null;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(bytes) == EbmlHeader)
        {
            return Matroska(bytes, out refusal);
        }

        if (bytes[..4].SequenceEqual("OggS"u8))
        {
            return Ogg(bytes, out refusal);
        }

        if (bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WAVE"u8))
        {
            return new SniffedAudio("audio/wav", WavSeconds(bytes));
        }

        if (bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return Mp4(bytes, out refusal);
        }

        if (bytes[..3].SequenceEqual("ID3"u8) || IsMp3Frame(bytes))
        {
            return new SniffedAudio("audio/mpeg", null);
        }

        refusal = "The file is not audio we take (WebM, Ogg, MP4/M4A, MP3 or WAV).";
        return null;
    }

    private static bool IsMp3Frame(ReadOnlySpan<byte> b) =>
        b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && ((b[1] >> 1) & 0x03) == 0x01 && (b[2] >> 4) != 0x0F;

    private static double? WavSeconds(ReadOnlySpan<byte> b)
    {
        uint byteRate = 0;
        for (var at = 12; at + 8 <= b.Length;)
        {
            var id = b.Slice(at, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at + 4, 4));
            if (id.SequenceEqual("fmt "u8) && at + 20 <= b.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at + 16, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                return byteRate == 0 ? null : size / (double)byteRate;
            }

            at += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - at - 8);
        }

        return null;
    }

    private static SniffedAudio? Ogg(ReadOnlySpan<byte> b, out string? refusal)
    {
        refusal = null;
        // The first page holds the first stream's identification header.
        var headerLength = 27 + b[26];
        if (b.Length < headerLength + 8)
        {
            refusal = "The Ogg file is cut short.";
            return null;
        }

        var packet = b[headerLength..];
        long rate;
        string type;
        long preSkip = 0;
        if (packet.StartsWith("OpusHead"u8) && packet.Length >= 12)
        {
            (rate, type, preSkip) = (48_000, "audio/ogg; codecs=opus", BinaryPrimitives.ReadUInt16LittleEndian(packet.Slice(10, 2)));
        }
        else if (packet.StartsWith("\x01vorbis"u8) && packet.Length >= 16)
        {
            (rate, type) = (BinaryPrimitives.ReadUInt32LittleEndian(packet.Slice(12, 4)), "audio/ogg; codecs=vorbis");
        }
        else if (packet.StartsWith("\x7FFLAC"u8) || packet.StartsWith("Speex   "u8))
        {
            (rate, type) = (0, "audio/ogg");
        }
        else
        {
            refusal = "The Ogg file does not carry audio (Opus, Vorbis, FLAC or Speex).";
            return null;
        }

        // The last page's granule position counts the samples of the whole stream.
        var last = b.LastIndexOf("OggS"u8);
        if (rate == 0 || last < 0 || last + 14 > b.Length)
        {
            return new SniffedAudio(type, null);
        }

        var granule = BinaryPrimitives.ReadInt64LittleEndian(b.Slice(last + 6, 8));
        return new SniffedAudio(type, granule <= 0 ? null : Math.Max(0, granule - preSkip) / (double)rate);
    }

    private static SniffedAudio? Mp4(ReadOnlySpan<byte> b, out string? refusal)
    {
        refusal = null;
        double? seconds = null;
        var video = false;
        Walk(b, 0, b.Length, ref seconds, ref video);
        if (video)
        {
            refusal = "The file carries video; send audio only.";
            return null;
        }

        return new SniffedAudio("audio/mp4", seconds);

        static void Walk(ReadOnlySpan<byte> b, int from, int to, ref double? seconds, ref bool video)
        {
            for (var at = from; at + 8 <= to;)
            {
                long size = BinaryPrimitives.ReadUInt32BigEndian(b.Slice(at, 4));
                var type = b.Slice(at + 4, 4);
                var header = 8;
                if (size == 1 && at + 16 <= to)
                {
                    size = BinaryPrimitives.ReadInt64BigEndian(b.Slice(at + 8, 8));
                    header = 16;
                }
                else if (size == 0)
                {
                    size = to - at;
                }

                if (size < header || at + size > to)
                {
                    return; // cut short: what was read stands
                }

                var body = at + header;
                var end = (int)(at + size);
                if (type.SequenceEqual("moov"u8) || type.SequenceEqual("trak"u8) || type.SequenceEqual("mdia"u8))
                {
                    Walk(b, body, end, ref seconds, ref video);
                }
                else if (type.SequenceEqual("mvhd"u8) && end - body >= 32)
                {
                    var version = b[body];
                    var (scale, duration) = version == 1
                        ? (BinaryPrimitives.ReadUInt32BigEndian(b.Slice(body + 20, 4)), (double)BinaryPrimitives.ReadUInt64BigEndian(b.Slice(body + 24, 8)))
                        : (BinaryPrimitives.ReadUInt32BigEndian(b.Slice(body + 12, 4)), BinaryPrimitives.ReadUInt32BigEndian(b.Slice(body + 16, 4)));
                    seconds = scale == 0 ? null : duration / scale;
                }
                else if (type.SequenceEqual("hdlr"u8) && end - body >= 12 && b.Slice(body + 8, 4).SequenceEqual("vide"u8))
                {
                    video = true;
                }

                at = end;
            }
        }
    }

    // Matroska element ids (with their length marker bits, as written).
    private const uint DocType = 0x4282;
    private const uint Segment = 0x18538067;
    private const uint Info = 0x1549A966;
    private const uint TimecodeScale = 0x2AD7B1;
    private const uint Duration = 0x4489;
    private const uint Tracks = 0x1654AE6B;
    private const uint TrackEntry = 0xAE;
    private const uint TrackType = 0x83;
    private const uint Cluster = 0x1F43B675;
    private const uint Timecode = 0xE7;
    private const uint SimpleBlock = 0xA3;
    private const uint BlockGroup = 0xA0;
    private const uint Block = 0xA1;
    private const uint EbmlHeader = 0x1A45DFA3;

    /// <summary>A flat walk over the elements: masters we need are entered (their size may be "unknown", as
    /// MediaRecorder writes Segment and Cluster), everything else is skipped by its size.</summary>
    private static SniffedAudio? Matroska(ReadOnlySpan<byte> b, out string? refusal)
    {
        refusal = null;
        string? docType = null;
        double scale = 1_000_000, stated = 0;
        long cluster = 0, latest = 0;
        var video = false;
        for (var at = 0; at < b.Length;)
        {
            if (!TryVint(b, at, keepMarker: true, out var id, out var idLength) || !TryVint(b, at + idLength, keepMarker: false, out var size, out var sizeLength))
            {
                break; // cut short: what was read stands
            }

            var body = at + idLength + sizeLength;
            var unknown = size == (1L << (7 * sizeLength)) - 1;
            var end = unknown ? b.Length : (int)Math.Min(b.Length, body + size);
            switch ((uint)id)
            {
                case EbmlHeader or Segment or Info or Tracks or TrackEntry or Cluster or BlockGroup:
                    at = body; // enter
                    continue;
                case DocType:
                    docType = Encoding.ASCII.GetString(b[body..end]).TrimEnd('\0');
                    break;
                case TimecodeScale:
                    scale = UInt(b[body..end]);
                    break;
                case Duration:
                    stated = end - body == 4 ? BinaryPrimitives.ReadSingleBigEndian(b[body..end]) : end - body == 8 ? BinaryPrimitives.ReadDoubleBigEndian(b[body..end]) : 0;
                    break;
                case TrackType:
                    video |= UInt(b[body..end]) == 1;
                    break;
                case Timecode:
                    cluster = UInt(b[body..end]);
                    latest = Math.Max(latest, cluster);
                    break;
                case SimpleBlock or Block when TryVint(b, body, keepMarker: false, out _, out var trackLength) && body + trackLength + 2 <= end:
                    latest = Math.Max(latest, cluster + BinaryPrimitives.ReadInt16BigEndian(b.Slice(body + trackLength, 2)));
                    break;
            }

            at = end;
        }

        if (docType is not ("webm" or "matroska"))
        {
            refusal = "The file is an EBML document but not WebM or Matroska.";
            return null;
        }

        if (video)
        {
            refusal = "The file carries video; send audio only.";
            return null;
        }

        var ticks = Math.Max(stated, latest);
        return new SniffedAudio(docType == "webm" ? "audio/webm" : "audio/x-matroska", ticks > 0 ? ticks * scale / 1e9 : null);
    }

    private static long UInt(ReadOnlySpan<byte> b)
    {
        long value = 0;
        foreach (var x in b[..Math.Min(8, b.Length)])
        {
            value = (value << 8) | x;
        }

        return value;
    }

    private static bool TryVint(ReadOnlySpan<byte> b, int at, bool keepMarker, out long value, out int length)
    {
        value = 0;
        length = 0;
        if (at >= b.Length || b[at] == 0)
        {
            return false;
        }

        length = System.Numerics.BitOperations.LeadingZeroCount((uint)b[at]) - 23;
        if (at + length > b.Length)
        {
            return false;
        }

        value = keepMarker ? b[at] : b[at] & (0xFF >> length);
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | b[at + i];
        }

        return true;
    }
}
