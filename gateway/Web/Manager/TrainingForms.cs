using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>Form text to Training and SessionDay messages; anything unreadable is left unset for the service to name.</summary>
public static class TrainingForms
{
    /// <summary>The scheduling form's modes: the API's enum name and the English text shown (and translated) for it.</summary>
    public static readonly IReadOnlyList<(string Mode, string Text)> Modes =
        [(nameof(TrainingMode.InPerson), "In person"), (nameof(TrainingMode.Online), "Online"), (nameof(TrainingMode.Blended), "Blended")];

    public static Training Training(IFormCollection form)
    {
        var zone = form["venue.time_zone"].ToString().Trim();
        var training = new Training
        {
            Programme = "programmes/" + form["programme"].ToString().Trim(),
            Title = form["title"].ToString().Trim(),
            Language = form["language"].ToString().Trim(),
            Mode = Enum.TryParse<TrainingMode>(form["mode"], out var mode) ? mode : TrainingMode.Unspecified,
            Venue = new Venue
            {
                DisplayName = form["venue.display_name"].ToString().Trim(),
                City = form["venue.city"].ToString().Trim(),
                CountryCode = form["venue.country_code"].ToString().Trim().ToUpperInvariant(),
                TimeZone = zone,
            },
            Seats = Formats.ParseInt(form["seats"]),
            WaitlistSize = Formats.ParseInt(form["waitlist_size"]),
            NominationOpenTime = Formats.ParseLocal(form["nomination_open_time"], zone),
            NominationDeadline = Formats.ParseLocal(form["nomination_deadline"], zone),
            EligibilityNotes = form["eligibility_notes"].ToString().Trim(),
        };
        training.Topics.AddRange(Formats.List(form["topics"]));
        foreach (var quota in Formats.List(form["quotas"]))
        {
            var parts = quota.Split(':', 2, StringSplitOptions.TrimEntries);
            training.Quotas.Add(new Quota
            {
                Scope = parts[0].StartsWith("organisations/", StringComparison.Ordinal) ? QuotaScope.Organisation : QuotaScope.Country,
                Key = parts[0].StartsWith("organisations/", StringComparison.Ordinal) ? parts[0] : parts[0].ToUpperInvariant(),
                Seats = parts.Length > 1 ? Formats.ParseInt(parts[1]) : 0,
            });
        }

        return training;
    }

    /// <summary>Null when the day is not complete enough to check (no date or times yet).</summary>
    public static SessionDay? SessionDay(IFormCollection form, bool partial = false)
    {
        var date = Formats.ParseDate(form["date"]);
        var start = Formats.ParseTime(form["start_time"]);
        var end = Formats.ParseTime(form["end_time"]);
        if (partial && (date is null || start is null || end is null))
        {
            return null;
        }

        var day = new SessionDay
        {
            Date = date,
            StartTime = start is { } s ? new TimeOfDay { Hours = s.Hour, Minutes = s.Minute } : null,
            EndTime = end is { } e ? new TimeOfDay { Hours = e.Hour, Minutes = e.Minute } : null,
            TimeZone = form["time_zone"].ToString().Trim(),
            Room = form["room"].ToString().Trim(),
            RoomDisplayName = form["room_display_name"].ToString().Trim(),
        };
        foreach (var entry in Formats.List(form["trainers"]))
        {
            var (id, name) = Trainer(entry);
            day.Trainers.Add(id);
            if (name.Length > 0)
            {
                day.TrainerDisplayNames[id] = name;
            }
        }

        return day;
    }

    /// <summary>"K. Saito (IPA) &lt;trainers/k-saito&gt;" is a name and an id, as in an e-mail address; a bare entry is an id.</summary>
    public static (string Id, string Name) Trainer(string entry)
    {
        var open = entry.LastIndexOf('<');
        return open >= 0 && entry.EndsWith('>') && open < entry.Length - 2
            ? (entry[(open + 1)..^1].Trim(), entry[..open].Trim())
            : (entry, "");
    }
}
