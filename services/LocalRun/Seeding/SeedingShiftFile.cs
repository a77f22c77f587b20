using System.Globalization;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Keeps the date shift of a data folder's first seeding, so a seeding interrupted one week and run again the
/// next fills in the same dates (and request ids derived from them) instead of entering a second, later copy.
/// </summary>
internal static class SeedingShiftFile
{
    public const string FileName = "demo-data-shift";

    public static DemoDateShift LoadOrCreate(string dataFolder, DemoDataFile data, TimeProvider clock)
    {
        var file = Path.Combine(dataFolder, FileName);
        var asOf = ProtoValues.Day(data.AsOf);
        if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weeks))
        {
            return new DemoDateShift(asOf, weeks);
        }

        var shift = DemoDateShift.For(data, clock);
        File.WriteAllText(file, shift.Weeks.ToString(CultureInfo.InvariantCulture) + "\n");
        return shift;
    }
}
