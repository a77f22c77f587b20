using CapacityHub.Partners.V1;
using CapacityHub.Trainings.Domain.Notifications;
using Grpc.Core;

namespace CapacityHub.Trainings.Mail;

/// <summary>
/// Who at an organisation receives a notification by e-mail: its focal points for nominations or for
/// reporting, as the Partners service records them, or its primary contact when it named none for that.
/// </summary>
public sealed class MailRecipients(PartnerService.PartnerServiceClient partners)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <returns>The organisation's name and the addresses; empty when it has no suitable contact.</returns>
    public async Task<(string Organisation, IReadOnlyList<Contact> To)> ForAsync(string organisationId, NoticeKind kind, CancellationToken ct)
    {
        var organisation = await partners.GetOrganisationAsync(new GetOrganisationRequest { Name = organisationId },
            new CallOptions(deadline: DateTime.UtcNow + Timeout, cancellationToken: ct));
        var role = kind is NoticeKind.NominationDecided or NoticeKind.NominationDeadline or NoticeKind.NominationsReceived
            ? FocalPointRole.Nominations
            : FocalPointRole.Reporting;
        var chosen = organisation.Contacts.Where(c => c.Roles.Contains(role)).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. organisation.Contacts.Where(c => c.Roles.Contains(FocalPointRole.Primary))];
        }

        var name = organisation.DisplayName.Length > 0 ? organisation.DisplayName : organisation.Name;
        return (name, chosen.Where(c => c.Email.Length > 0).ToList());
    }
}
