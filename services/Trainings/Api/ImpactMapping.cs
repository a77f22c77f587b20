using CapacityHub.Trainings.Domain.Impact;
using Google.Protobuf.Collections;

namespace CapacityHub.Trainings.Api;

internal static class ImpactMapping
{
    public static V1.ImpactMetrics ToProto(ImpactMetrics m, int minimumCellCount)
    {
        var proto = new V1.ImpactMetrics
        {
            UniqueParticipants = ToProto(m.UniqueParticipants),
            Participations = ToProto(m.Participations),
            Countries = m.Countries,
            Organisations = m.Organisations,
            FillRate = ToProto(m.FillRate),
            NoShowRate = ToProto(m.NoShowRate),
            AttendanceRate = ToProto(m.AttendanceRate),
            CompletionRate = ToProto(m.CompletionRate),
            MeanGainPoints = ToProto(m.MeanGainPoints),
            MeanNormalisedGain = ToProto(m.MeanNormalisedGain),
            MeanSatisfaction = ToProto(m.MeanSatisfaction),
            RelevantShare = ToProto(m.RelevantShare),
            ApplyingAtThreeMonths = ToProto(m.ApplyingAtThreeMonths),
            ApplyingAtSixMonths = ToProto(m.ApplyingAtSixMonths),
            FemaleShare = ToProto(m.FemaleShare),
            ReportsReceived = ToProto(m.ReportsReceived),
            ReportsOnTime = ToProto(m.ReportsOnTime),
            TrainingsCounted = m.TrainingsCounted,
            SuppressionApplied = m.Suppressed,
            MinimumCellCount = m.Suppressed ? minimumCellCount : 0,
        };
        Fill(proto.ParticipantsByOrganisationType, m.ParticipantsByOrganisationType);
        Fill(proto.ParticipantsBySector, m.ParticipantsBySector);
        Fill(proto.FemaleShareByCountry, m.FemaleShareByCountry);
        return proto;
    }

    private static void Fill(MapField<string, V1.Metric> target, Breakdown breakdown)
    {
        foreach (var (key, metric) in breakdown.Cells)
        {
            target[key] = ToProto(metric);
        }
    }

    private static V1.Metric ToProto(Metric metric)
    {
        var proto = new V1.Metric { Numerator = metric.Numerator, Denominator = metric.Denominator, Suppressed = metric.Suppressed };
        if (metric.Value is { } value)
        {
            proto.Value = value;
        }

        return proto;
    }
}
