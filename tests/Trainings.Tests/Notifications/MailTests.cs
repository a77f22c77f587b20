using CapacityHub.Partners.V1;
using CapacityHub.TestSupport.Mail;
using CapacityHub.Trainings.Tests.Api;
using CapacityHub.Trainings.V1;
using MimeKit;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Notifications;

/// <summary>
/// Notifications by e-mail through a real SMTP server process (python3-aiosmtpd): who receives what, once,
/// and what happens to an organisation without a focal point.
/// </summary>
public sealed class MailTests : IAsyncLifetime
{
    private SmtpServerProcess smtp = null!;
    private TrainingsTestHost host = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpServerProcess.StartAsync();
        host = TrainingsTestHost.With(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Smtp:From"] = "CapacityHub <noreply@capacityhub.test>",
            ["Notifications:Smtp:PollInterval"] = "00:00:00.200",
        });
        await host.InitializeAsync();
        host.Peers.State.Organisations[VnCert].Contacts.AddRange(
        [
            new Contact { FullName = "Nguyen Thi Linh", Email = "nominations@vncert.example", Roles = { FocalPointRole.Nominations } },
            new Contact { FullName = "Tran Van Minh", Email = "director@vncert.example", Roles = { FocalPointRole.Primary } },
            new Contact { FullName = "Le Hoa", Email = "reports@vncert.example", Roles = { FocalPointRole.Reporting } },
        ]);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task ADecisionIsMailedOnceToTheOrganisationsNominationFocalPoint()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var linh = await host.NominateAsync(training, "linh@vncert.example");

        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = linh.Name }, host.As(Manager));

        var file = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20)));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("[CapacityHub] Nomination approved: linh, ICS Security Fundamentals", message.Subject);
        Assert.Equal(["nominations@vncert.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("noreply@capacityhub.test", message.From.Mailboxes.Single().Address);
        Assert.Contains("- linh", message.TextBody, StringComparison.Ordinal);
        // Managers have no e-mail directory: the new-nomination notice stays in-app; nothing is sent twice.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task AnOrganisationWithoutAContactGetsNoMailAndTheOutboxMovesOn()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var kanya = await host.NominateAsync(training, "kanya@thaicert.example", ThaiPartner, ThaiCert, "TH");
        var linh = await host.NominateAsync(training, "linh@vncert.example");

        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = kanya.Name }, host.As(Manager));
        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = linh.Name }, host.As(Manager));

        var file = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Contains("linh", (await MimeMessage.LoadAsync(file)).Subject, StringComparison.Ordinal);
        // ThaiCERT's notification is still in its inbox.
        Assert.Single((await host.Notifications.ListNotificationsAsync(new ListNotificationsRequest(), host.As(ThaiPartner))).Notifications);
    }
}
