namespace RolePlay.Core.Content.Loading;

/// <summary>Collects the errors of one file into the load's shared list, so every error is reported, not just the first.</summary>
internal sealed class FileErrors(string file, List<ContentError> all)
{
    public string File => file;

    public void Add(long line, string field, string message) =>
        all.Add(new ContentError(file, checked((int)line), field, message));
}
