namespace CapacityHub.Gateway.Web.Components;

/// <summary>Why a page shows a refusal instead of its content, with the HTTP status it answers and a way on.</summary>
public sealed record PageProblem(int Status, string Title, string Message, string? LinkHref = null, string? LinkText = null);
