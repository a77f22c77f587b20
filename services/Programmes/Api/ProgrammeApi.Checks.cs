using CapacityHub.Programmes.Domain;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Programmes.Api;

/// <summary>What other services ask of a programme: the training window and indicator actuals.</summary>
public sealed partial class ProgrammeApi
{
    public override async Task<CheckTrainingWindowResponse> CheckTrainingWindow(CheckTrainingWindowRequest request, ServerCallContext context)
    {
        ProgrammesAccess.RequireWindowCheck(context.Caller());
        var errors = new FieldErrors();
        errors.ResourceName("programme", request.Programme, Collection);
        var dates = errors.DateRange("training_dates", request.TrainingDates);
        for (var i = 0; i < request.Organisations.Count; i++)
        {
            errors.ResourceName($"organisations[{i}]", request.Organisations[i], ProgrammeRules.Organisations);
        }

        errors.ThrowIfAny("training window check");
        var stored = await LoadAsync(request.Programme, "programme", context);
        return TrainingWindow.Check(stored.Value, dates!.Value.Start, dates.Value.End!.Value, request.Organisations);
    }

    public override async Task<Programme> UpdateIndicatorActuals(UpdateIndicatorActualsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var errors = new FieldErrors();
        errors.ResourceName("name", request.Name, Collection);
        errors.Required("result_id", request.ResultId);
        errors.Required("indicator_id", request.IndicatorId);
        errors.DateRange("period", request.Period);
        ResultsFramework.ValidateBreakdown(request.ActualBySex, "actual_by_sex", errors);
        if (request.HasActual && (double.IsNaN(request.Actual) || double.IsInfinity(request.Actual)))
        {
            errors.Add("actual", "must be a finite number");
        }

        errors.ThrowIfAny("indicator actuals");
        var stored = await LoadAsync(request.Name, "name", context);
        ProgrammesAccess.RequireManage(caller, stored.Value, "record indicator actuals of");
        StoreFailures.RequireEtag(request.Etag, stored.Version, $"Programme {stored.Value.Code}");
        RequireEditable(stored.Value);

        var updated = stored.Value.Clone();
        var (period, indicator, problem) = ResultsFramework.FindPeriod(updated, request.ResultId, request.IndicatorId, request.Period);
        if (period is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, problem!));
        }

        if (request.HasActual)
        {
            period.Actual = request.Actual;
        }
        else
        {
            period.ClearActual();
        }

        period.ActualBySex.Clear();
        period.ActualBySex.Add(request.ActualBySex);
        period.Comment = request.Comment;
        var check = new FieldErrors();
        ResultsFramework.ValidateIndicator(indicator!, "indicator", check);
        if (!check.IsEmpty)
        {
            throw RpcException.InvalidArgument($"Invalid actual: {check.Violations[0].Description}",
                new FieldViolation("actual", check.Violations[0].Description));
        }

        return await SaveAsync(stored, updated, context);
    }
}
