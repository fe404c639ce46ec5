namespace Punchlist.Workspaces;

/// <summary>A file to read: where it is, how output names it, and whether the user named it.</summary>
public sealed record WorkspaceFile(string FullPath, string RelativePath, bool Explicit);
