namespace CapacityHub.Trainings.Mail;

/// <summary>
/// Configuration section <c>Notifications:Smtp</c>. Without a host, notifications stay in the in-app inbox;
/// with one, those addressed to an organisation are also e-mailed to its focal points.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>"None" (plain, for a relay on the same network), "StartTls" or "SslOnConnect".</summary>
    public string Security { get; set; } = "StartTls";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string From { get; set; } = "CapacityHub <noreply@capacityhub.example>";

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per notification before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions Of(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SmtpOptions>() ?? new SmtpOptions();
}
