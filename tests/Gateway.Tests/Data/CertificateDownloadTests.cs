using CapacityHub.Gateway.Tests.Exports;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// A certificate downloaded from the gateway for a participant who completed a training run end to end over
/// REST: the nominating partner and the managers get the PDF with the participant's name; other partners and
/// funders do not; a participant without a certificate is told why.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class CertificateDownloadTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheNominatingPartnerDownloadsTheCertificateOfACompletedParticipant()
    {
        var (training, completed, notCompleted) = await CompletedTraining.CreateAsync(system, "Malware Analysis Workshop");
        var path = $"/api/v1/{completed.Name}:certificate";

        var (status, type, pdf) = await system.DownloadAsync(path, S.ThaiUser);

        Assert.Equal(200, status);
        Assert.Equal("application/pdf", type);
        var text = await PdfText.TextOfAsync(pdf);
        Assert.Contains("สมชาย ใจดี", text, StringComparison.Ordinal);
        Assert.Contains("ThaiCERT", text, StringComparison.Ordinal);
        Assert.Contains(training.Title, text, StringComparison.Ordinal);
        Assert.Contains(S.Programme.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("organisations/", text, StringComparison.Ordinal);
        Assert.Equal(200, (await system.DownloadAsync(path, S.Manager)).Status);

        var other = await system.SendAsync(HttpMethod.Get, path, S.MalaysianUser);
        Assert.Equal(403, other.Status);
        Assert.DoesNotContain("สมชาย", other.Body, StringComparison.Ordinal);
        Assert.Equal(403, (await system.DownloadAsync(path, S.FunderUser)).Status);
        var (refused, body) = await system.SendAsync(HttpMethod.Get, $"/api/v1/{notCompleted.Name}:certificate", S.ThaiUser);
        Assert.Equal(400, refused);
        Assert.Contains("No certificate has been issued", body, StringComparison.Ordinal);
    }
}
