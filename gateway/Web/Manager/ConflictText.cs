using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// A clash as the reader reads it: the trainer, room or participant by name, and both days in their venue's zone and
/// in the reader's, in the reader's language. The service's own description is English and names no one by name.
/// </summary>
public sealed class ConflictText(IStringLocalizer<UiText> l, DateTimeZone viewer)
{
    public string Describe(ScheduleConflict conflict)
    {
        var name = conflict.ResourceDisplayName.Length > 0 ? conflict.ResourceDisplayName : conflict.ResourceId;
        var who = conflict.Resource switch
        {
            ConflictResource.Trainer => l["Trainer {0}", name],
            ConflictResource.Room => l["Room {0}", name],
            _ => l["Participant {0}", name],
        };
        return l["{0} is booked twice: {1} overlaps {2}.", who, Day(conflict.First), Day(conflict.Second)];
    }

    private string Day(ConflictingDay day)
    {
        var start = Formats.ToInstant(day.StartInstant);
        var end = Formats.ToInstant(day.EndInstant);
        var zone = ViewerZone.Find(day.TimeZone) ?? DateTimeZone.Utc;
        var when = $"{ViewerZone.Format(start, zone)}–{ViewerZone.FormatTime(end, zone)} {zone.Id}";
        if (zone.Id != viewer.Id)
        {
            when += " " + l["(your time {0}–{1})", ViewerZone.Format(start, viewer), ViewerZone.FormatTime(end, viewer)];
        }

        return l["“{0}”, {1}", day.TrainingTitle, when];
    }
}
