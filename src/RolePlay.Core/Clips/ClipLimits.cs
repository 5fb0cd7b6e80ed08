namespace RolePlay.Core.Clips;

/// <summary>How long and how large a clip may be. The byte cap is tied to the 30 seconds: 3 MiB holds 30 s of 16-bit
/// mono WAV at 48 kHz (2.9 MB) and far more than 30 s of any compressed voice codec (MediaRecorder's Opus at its default
/// 128 kbit/s is 480 KB), so a clip within it whose container states no duration (MP3) is still short.</summary>
public static class ClipLimits
{
    public const int MaxSeconds = 30;

    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>Containers round a recording stopped at 30 s up a little (the last frame, the last block).</summary>
    public const double SecondsTolerance = 1.0;

    public const int DefaultRetentionDays = 90;

    public const int MinRetentionDays = 1;

    public const int MaxRetentionDays = 365;
}
