namespace CapacityHub.Gateway.Exports.Certificates;

/// <summary>What a certificate of completion says, in words (names, never ids).</summary>
public sealed record CertificateContent(
    string ParticipantName,
    string OrganisationName,
    string TrainingTitle,
    string Dates,
    string Venue,
    string ProgrammeTitle,
    string Number,
    string IssuedOn);
