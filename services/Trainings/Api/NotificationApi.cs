using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Storage;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityHub.Trainings.Api;

/// <summary>capacityhub.trainings.v1.NotificationService: the caller's inbox and its read marks.</summary>
public sealed class NotificationApi(NotificationRepository notifications) : NotificationService.NotificationServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;
    private const int MaxNames = 100;
    private const string Collection = "notifications/";

    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw RpcException.InvalidArgument($"Invalid page_size {request.PageSize}: it must be between 0 (default, {DefaultPageSize}) and {MaxPageSize}.",
                new FieldViolation("page_size", $"must be between 0 and {MaxPageSize}"));
        }

        var response = new ListNotificationsResponse();
        if (NotificationAccess.InboxOf(caller) is not { } inbox)
        {
            return response;
        }

        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var after = request.PageToken.Length == 0 ? null : request.PageToken;
        // Unread only: read pages of the inbox until one page's worth of unread ones is found.
        string? next;
        do
        {
            var page = await StoreFailures.Guard(() => notifications.ListAsync(inbox, size, after, context.CancellationToken));
            response.Notifications.AddRange(page.Items
                .Where(n => !request.UnreadOnly || !n.Value.ReadBy.Contains(caller.Subject))
                .Take(size - response.Notifications.Count)
                .Select(n => ToProto(n.Value, caller)));
            next = page.Next;
            after = next;
        }
        while (request.UnreadOnly && response.Notifications.Count < size && next is not null);

        response.NextPageToken = next ?? "";
        response.UnreadCount = await StoreFailures.Guard(() => notifications.UnreadCountAsync(inbox, caller.Subject, context.CancellationToken));
        return response;
    }

    public override async Task<MarkNotificationsReadResponse> MarkNotificationsRead(MarkNotificationsReadRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var inbox = NotificationAccess.InboxOf(caller);
        var ids = await IdsToMarkAsync(request, caller, inbox, context);
        var marked = ids.Count == 0 ? 0 : await StoreFailures.Guard(() => notifications.MarkReadAsync(ids, caller.Subject, context.CancellationToken));
        return new MarkNotificationsReadResponse { Marked = marked };
    }

    private async Task<IReadOnlyList<string>> IdsToMarkAsync(MarkNotificationsReadRequest request, CallerIdentity caller, Filter? inbox, ServerCallContext context)
    {
        if (request.All == (request.Names.Count > 0))
        {
            throw RpcException.InvalidArgument("Invalid request: send either names (at most 100) or all = true.",
                new FieldViolation(request.All ? "all" : "names", "give either names or all = true, not both or neither"));
        }

        if (request.All)
        {
            if (inbox is null)
            {
                return [];
            }

            var newest = await StoreFailures.Guard(() => notifications.ListAsync(inbox, NotificationRepository.UnreadCountLimit, null, context.CancellationToken));
            return [.. newest.Items.Where(n => !n.Value.ReadBy.Contains(caller.Subject)).Select(n => n.Id)];
        }

        var errors = new FieldErrors();
        if (request.Names.Count > MaxNames)
        {
            errors.Add("names", $"at most {MaxNames} names per call, not {request.Names.Count}");
        }

        for (var i = 0; i < request.Names.Count; i++)
        {
            errors.ResourceName($"names[{i}]", request.Names[i], "notifications");
        }

        errors.ThrowIfAny("mark request");
        var ids = new List<string>();
        foreach (var name in request.Names)
        {
            var id = name[Collection.Length..];
            var stored = await StoreFailures.Guard(() => notifications.FindAsync(id, context.CancellationToken));
            // Someone else's notification is as absent as one that never existed.
            if (stored is null || !NotificationAccess.Sees(caller, stored.Value))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Notification {name} not found."));
            }

            ids.Add(id);
        }

        return ids;
    }

    private static Notification ToProto(NotificationDocument n, CallerIdentity caller) => new()
    {
        Name = Collection + n.Id,
        Kind = (NotificationKind)(int)n.Kind,
        Title = n.Title,
        Body = n.Body,
        Subject = n.Subject,
        Programme = n.ProgrammeId,
        Organisation = n.OrganisationId,
        CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(n.CreatedAtUnixMs)),
        Read = n.ReadBy.Contains(caller.Subject),
    };
}
