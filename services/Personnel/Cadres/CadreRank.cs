namespace MassWork.Personnel.Cadres;

/// <summary>The rank that sets a cadre's minimum households (domain guide, "Pairing").</summary>
public enum CadreRank
{
    /// <summary>科级以上: section level and above.</summary>
    SectionLevel,

    /// <summary>一般干部.</summary>
    General,
}
