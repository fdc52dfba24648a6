namespace Funds.Api.Http;

/// <summary>A page of a list: its items, the page asked for and how many items the whole list has.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
