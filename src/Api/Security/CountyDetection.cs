using Wolverine.Http.Runtime.MultiTenancy;

namespace Funds.Api.Security;

/// <summary>Wolverine's tenant detection: the county of the caller (see <see cref="Caller.County"/>), so every
/// Marten session an endpoint uses is that county's.</summary>
public sealed class CountyDetection : ITenantDetection
{
    public ValueTask<string?> DetectTenant(HttpContext context) => ValueTask.FromResult(context.County());
}
