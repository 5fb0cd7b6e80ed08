namespace RolePlay.Core.Content;

/// <summary>One content file to load. <see cref="Path"/> is only used to name the file in errors and
/// to tell what it holds (personas/, scenarios/, cue-cards, warm-ups).</summary>
public sealed record ContentFile(string Path, string Text);

/// <summary>One problem in the content, located so a trainer can fix it: <c>file:line: field — message</c>.
/// Line 0 means the problem is with a directory or file as a whole, not a line in it.</summary>
public sealed record ContentError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field} — {Message}";
}

/// <summary>The outcome of a load: a catalog when every file was valid, otherwise no catalog and every error.</summary>
public sealed record ContentLoadResult(ContentCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Catalog is not null && Errors.Count == 0;

    /// <summary>The catalog, or a <see cref="ContentValidationException"/> listing every error (hosts call this at
    /// startup so the service never runs on invalid content).</summary>
    public ContentCatalog EnsureValid() =>
        IsValid ? Catalog! : throw new ContentValidationException(Errors);
}

/// <summary>Content was refused. The message lists every error, one per line.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<ContentError> Errors { get; }

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        errors.Count == 0
            ? "Content is invalid."
            : $"Content is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors);
}
