using Funds.Domain.Common;
using Microsoft.Extensions.Options;

namespace Funds.Api.Infrastructure;

public static class Requests
{
    public static DecisionContext Decision(this HttpContext http) => new(
        http.Actor(),
        http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
        http.RequestServices.GetRequiredService<IOptions<ProjectRules>>().Value);
}
