namespace Punchlist.Analysis.Claims;

/// <summary>What a claimed number counts, before a basis (items, criteria, boxes) is chosen.</summary>
internal enum Measure
{
    /// <summary>All of the group (`Tasks`, `Total Items`, `Count`).</summary>
    Total,

    /// <summary>Finished (`Done`, `Completed`).</summary>
    Done,

    /// <summary>Not finished (`Outstanding`, `Remaining`, `Open`).</summary>
    Open,

    /// <summary>`X/Y`, `X of Y` or `P%`: done out of total.</summary>
    Progress,
}
