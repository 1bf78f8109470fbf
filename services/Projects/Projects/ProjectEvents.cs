using MassWork.Contracts.Projects.V1;

namespace MassWork.Projects.Projects;

/// <summary>Builds the events' project reference from the project as it now is.</summary>
public static class ProjectEvents
{
    public static ProjectRef Ref(Project p) =>
        new(p.Id, p.RegionCode, p.Category.ToString(), p.Stage.ToString(), p.EstimatedCostFen, p.LinkedDemandIds, p.BeneficiaryCount);
}
