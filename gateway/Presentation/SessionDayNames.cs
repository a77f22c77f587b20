using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Presentation;

/// <summary>
/// A session day's room and trainers as people read them: the names the training gives, the ids only
/// where no name was given (older days, or a trainer entered by id alone).
/// </summary>
public static class SessionDayNames
{
    public static string Room(SessionDay day) => day.RoomDisplayName.Length > 0 ? day.RoomDisplayName : day.Room;

    public static IReadOnlyList<string> Trainers(SessionDay day) =>
        day.Trainers.Select(t => day.TrainerDisplayNames.TryGetValue(t, out var name) && name.Length > 0 ? name : t).ToList();
}
