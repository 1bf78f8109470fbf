using MassTransit;
using MassWork.Contracts.Projects.V1;
using MassWork.Notifications.Messages;

namespace MassWork.Notifications.Events;

/// <summary>
/// 项目竣工: the beneficiary households of a completed project get a notice, to the head's phone or
/// else another member's, from the recipients the personnel service's events keep. Once per
/// household and project (the notice's key), however often the event arrives; a household without
/// a known phone, or outside the project's area, is left out and counted in the log.
/// </summary>
public sealed class ProjectCompletedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted m, ConsumeContext<ProjectCompleted> context)
    {
        var households = m.BeneficiaryHouseholdIds.Distinct().ToList();
        if (households.Count == 0)
        {
            return;
        }

        // Only households of the project's own area hear of it: a listed household elsewhere is another town's.
        var area = RegionPrefixes.Of(m.Project.RegionCode);
        var members = await Db.Recipients.Where(r => households.Contains(r.HouseholdId) && r.VillageCode.StartsWith(area))
            .Select(r => new { r.HouseholdId, r.MemberId, r.IsHead, r.VillageCode, r.PhoneCipher })
            .ToListAsync(context.CancellationToken);
        var phones = members.GroupBy(r => r.HouseholdId)
            .Select(g => g.OrderByDescending(r => r.IsHead).ThenBy(r => r.MemberId).First())
            .Select(r => new HouseholdPhone(r.HouseholdId, protector.Decrypt(r.PhoneCipher), r.VillageCode))
            .ToList();
        if (phones.Count < households.Count)
        {
            logger.LogInformation("Project {ProjectId} completed: {Missing} of {Households} beneficiary households have no known phone in the project's area and get no notice",
                m.Project.ProjectId, households.Count - phones.Count, households.Count);
        }

        await writer.WriteAsync([.. EventNotices.ProjectCompleted(m, phones)], context.CancellationToken);
    }
}
