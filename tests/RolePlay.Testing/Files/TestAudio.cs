namespace RolePlay.Testing.Files;

/// <summary>Real audio for clip tests: a 16-bit mono PCM WAV at 8 kHz holding a 440 Hz tone, its header stating the
/// data size the sniffer reads the duration from.</summary>
public static class TestAudio
{
    public static byte[] Wav(double seconds)
    {
        const int rate = 8000;
        var samples = (int)(seconds * rate);
        var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        w.Write("RIFF"u8);
        w.Write(36 + samples * 2);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(rate);
        w.Write(rate * 2);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            w.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        return stream.ToArray();
    }
}
