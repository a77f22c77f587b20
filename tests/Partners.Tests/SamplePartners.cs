using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;

namespace CapacityHub.Partners.Tests;

internal static class SamplePartners
{
    public static Organisation Cert(string name = "Vietnam Computer Emergency Response Team", string iati = "VN-VNCERT", string country = "VN") => new()
    {
        IatiIdentifier = iati,
        DisplayName = name,
        Acronym = "VNCERT/CC",
        Type = OrganisationType.Csirt,
        CountryCode = country,
        RegionGroups = { RegionGroup.Asean, RegionGroup.IndoPacific },
        Contacts =
        {
            new Contact { FullName = "Nguyen Van A", Email = "focal@vncert.example.vn", Roles = { FocalPointRole.Primary, FocalPointRole.Nominations } },
        },
    };

    public static Organisation Ministry() => new()
    {
        DisplayName = "Ministry of Economy, Trade and Industry",
        Acronym = "METI",
        Type = OrganisationType.Government,
        CountryCode = "JP",
        RegionGroups = { RegionGroup.IndoPacific },
    };

    public static Agreement Mou(params string[] parties) => new()
    {
        Type = AgreementType.MemorandumOfUnderstanding,
        Title = "MoU on ICS security training",
        Parties = { parties },
        Term = new DateRange { StartDate = new Date { Year = 2018, Month = 4, Day = 1 }, EndDate = new Date { Year = 2020, Month = 3, Day = 31 } },
        ReportingSchedule = new ReportingSchedule { Frequency = ReportingFrequency.Annual, DueDays = 60 },
    };
}
