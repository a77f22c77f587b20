namespace CapacityHub.Trainings.Reminders;

/// <summary>Configuration section <c>Notifications:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Notifications:Reminders";

    /// <summary>How often deadlines and due dates are looked at; each reminder is written once whatever the interval.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far ahead a deadline or due date is reminded of.</summary>
    public TimeSpan Ahead { get; set; } = TimeSpan.FromDays(3);

    public static ReminderOptions Of(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ReminderOptions>() ?? new ReminderOptions();
}
