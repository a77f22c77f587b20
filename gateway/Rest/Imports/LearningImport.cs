using System.Text.RegularExpressions;
using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>
/// CSV attendance and assessment scores for one training, each applied with one call of the Trainings
/// service's batch RPC, which validates every entry first and writes all of them in one transaction (or
/// none). A participant is named by "nomination" (resource name or id) or by "email"; a session day by
/// "session_day" (resource name or id) or by its local "date".
/// Attendance columns: nomination|email, session_day|date, present (yes/no).
/// Assessment columns: nomination|email, kind (pre, post, practical), score, maximum.
/// </summary>
public sealed partial class LearningImport(ServiceBackends backends)
{
    public async Task<IReadOnlyList<Nomination>> ImportAttendanceAsync(string training, CsvTable table, CallOptions options)
    {
        table.RequireColumns("present");
        var (errors, values, people) = await PeopleAsync(training, table, options);
        var days = (await backends.TrainingClient.GetTrainingAsync(new GetTrainingRequest { Name = training }, options)).SessionDays;
        var batch = new BatchRecordAttendanceRequest { Parent = training };
        var rows = new List<CsvRow>();
        foreach (var row in table.Rows)
        {
            var nomination = Person(row, people, errors, training);
            var day = Day(row, days, values, errors, training);
            var present = values.Boolean(row, "present");
            if (nomination is not null && day is not null && present is { } p)
            {
                batch.Entries.Add(new RecordAttendanceRequest { Name = nomination, SessionDay = day, Present = p });
                rows.Add(row);
            }
        }

        ThrowIfAny(errors);
        return await ApplyAsync(rows, async () => (await backends.NominationClient.BatchRecordAttendanceAsync(batch, options)).Nominations);
    }

    public async Task<IReadOnlyList<Nomination>> ImportAssessmentsAsync(string training, CsvTable table, CallOptions options)
    {
        table.RequireColumns("kind", "score", "maximum");
        var (errors, values, people) = await PeopleAsync(training, table, options);
        var batch = new BatchRecordAssessmentsRequest { Parent = training };
        var rows = new List<CsvRow>();
        foreach (var row in table.Rows)
        {
            var nomination = Person(row, people, errors, training);
            var kind = row["kind"].ToLowerInvariant() switch
            {
                "pre" or "pre-test" or "pretest" => AssessmentKind.Pre,
                "post" or "post-test" or "posttest" => AssessmentKind.Post,
                "practical" => AssessmentKind.Practical,
                var other => values.Bad<AssessmentKind>(row, "kind", $"\"{other}\" is not pre, post or practical"),
            };
            var score = values.Number(row, "score");
            var maximum = values.Number(row, "maximum");
            if (nomination is not null && kind is { } k && score is { } s && maximum is { } m)
            {
                batch.Entries.Add(new RecordAssessmentRequest { Name = nomination, Assessment = new Assessment { Kind = k, Score = s, Maximum = m } });
                rows.Add(row);
            }
        }

        ThrowIfAny(errors);
        return await ApplyAsync(rows, async () => (await backends.NominationClient.BatchRecordAssessmentsAsync(batch, options)).Nominations);
    }

    private async Task<(List<RowError> Errors, CsvValues Values, Dictionary<string, string> ByEmail)> PeopleAsync(string training, CsvTable table, CallOptions options)
    {
        if (!table.Columns.Contains("nomination") && !table.Columns.Contains("email"))
        {
            throw new ImportRejectedException([new RowError(1, "nomination", "name each participant with a \"nomination\" or an \"email\" column")]);
        }

        var byEmail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (table.Columns.Contains("email"))
        {
            var list = new ListNominationsRequest { Parent = training, PageSize = 1000 };
            do
            {
                var page = await backends.NominationClient.ListNominationsAsync(list, options);
                foreach (var nomination in page.Nominations)
                {
                    // A person may have an ended nomination and a live one; the live (later) one wins.
                    byEmail[nomination.Participant?.Email ?? ""] = nomination.Name;
                }

                list.PageToken = page.NextPageToken;
            }
            while (list.PageToken.Length > 0);
        }

        var errors = new List<RowError>();
        return (errors, new CsvValues(errors), byEmail);
    }

    private static string? Person(CsvRow row, Dictionary<string, string> byEmail, List<RowError> errors, string training)
    {
        var named = row["nomination"];
        if (named.Length > 0)
        {
            return named.Contains('/', StringComparison.Ordinal) ? named : $"{training}/nominations/{named}";
        }

        var email = row["email"];
        if (email.Length == 0)
        {
            errors.Add(new RowError(row.Number, "email", "is required when there is no nomination"));
            return null;
        }

        if (!byEmail.TryGetValue(email, out var name))
        {
            errors.Add(new RowError(row.Number, "email", $"nobody with e-mail {email} is nominated to this training"));
            return null;
        }

        return name;
    }

    private static string? Day(CsvRow row, IEnumerable<SessionDay> days, CsvValues values, List<RowError> errors, string training)
    {
        var named = row["session_day"];
        if (named.Length > 0)
        {
            return named.Contains('/', StringComparison.Ordinal) ? named : $"{training}/sessionDays/{named}";
        }

        if (values.Date(row, "date") is not { } date)
        {
            return null;
        }

        var matching = days.Where(d => d.Date is not null && d.Date.ToDateOnly() == date).ToArray();
        if (matching.Length != 1)
        {
            errors.Add(new RowError(row.Number, "date", matching.Length == 0
                ? $"the training has no session day on {date:yyyy-MM-dd}"
                : $"the training has {matching.Length} session days on {date:yyyy-MM-dd}; name one with session_day"));
            return null;
        }

        return matching[0].Name;
    }

    private static void ThrowIfAny(List<RowError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ImportRejectedException([.. errors.OrderBy(e => e.Row)]);
        }
    }

    /// <summary>One batch call; violations "entries[i].field" from the service are reported on the row entry i came from.</summary>
    private static async Task<IReadOnlyList<Nomination>> ApplyAsync(List<CsvRow> rows, Func<Task<IEnumerable<Nomination>>> call)
    {
        try
        {
            return [.. await call()];
        }
        catch (RpcException refused)
        {
            var errors = new List<RowError>();
            foreach (var violation in refused.FieldViolations())
            {
                var match = EntryField().Match(violation.Field);
                errors.Add(match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < rows.Count
                    ? new RowError(rows[i].Number, ColumnOf(match.Groups[2].Value), violation.Description)
                    : new RowError(0, violation.Field, violation.Description));
            }

            if (errors.Count == 0)
            {
                errors.Add(new RowError(0, "", refused.Detail));
            }

            throw new ImportRejectedException(errors, refused.StatusCode, $"Nothing was imported: {refused.Detail}");
        }
    }

    private static string ColumnOf(string field) => field switch
    {
        "name" => "nomination",
        "session_day" => "session_day",
        _ when field.StartsWith("assessment.", StringComparison.Ordinal) => field["assessment.".Length..],
        _ => field,
    };

    [GeneratedRegex(@"^entries\[(\d+)\]\.?(.*)$")]
    private static partial Regex EntryField();
}
