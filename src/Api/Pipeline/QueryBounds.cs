using System.Globalization;
using JasperFx;
using JasperFx.CodeGeneration;

namespace Funds.Api.Pipeline;

/// <summary>The query parameters of a route that are dates or times (asOf, knownAt, from, to, …).</summary>
public sealed record QueryTimes(IReadOnlyList<string> Names);

/// <summary>Dates and times in a query string must lie in the years business dates may have (2000–2100):
/// beyond them a value parses, but arithmetic on it (China time, the day after) overflows. Checked in one
/// place for every route: <see cref="Policy"/> marks each route's date and time parameters, the middleware
/// answers 400 with the field named.</summary>
public static class QueryBounds
{
    public const int FirstYear = 2000, LastYear = 2100;

    public sealed class Policy : IHttpPolicy
    {
        private static readonly Type[] Times = [typeof(DateOnly), typeof(DateOnly?), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateTime), typeof(DateTime?)];

        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains)
            {
                var route = chain.RoutePattern?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
                var names = chain.Method.Method.GetParameters()
                    .Where(p => Times.Contains(p.ParameterType) && !route.Contains(p.Name!)).Select(p => p.Name!).ToList();
                if (names.Count > 0) chain.WithMetadata(new QueryTimes(names));
            }
        }
    }

    public static IApplicationBuilder UseQueryBounds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<QueryTimes>() is { } times)
        {
            var errors = new FieldErrors();
            foreach (var name in times.Names)
                if (http.Request.Query.TryGetValue(name, out var values) && Year(values.ToString()) is { } year)
                    errors.When(year is < FirstYear or > LastYear, name, $"must lie between the years {FirstYear} and {LastYear}.");
            errors.ThrowIfAny();
        }
        await next(http);
    });

    private static int? Year(string value)
        => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime.Year
            : DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) ? d.Year : null;
}
